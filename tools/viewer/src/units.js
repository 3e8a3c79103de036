// Display units: large flows in millions so axes stay readable. CSV files carry the
// displayed unit in their header, so they hold exactly what the chart shows.
const SCALED = {
  't/yr': ['Mt/yr', 1e-6],
  'EUR/yr': ['M EUR/yr', 1e-6],
  EUR: ['M EUR', 1e-6],
  'GJ/yr': ['PJ/yr', 1e-6],
  'MWh/yr': ['TWh/yr', 1e-6],
  t: ['Mt', 1e-6],
};

export function displayUnit(units, longName = '') {
  if (units === '1' && /jobs|FTE/.test(longName)) return { label: 'FTE', factor: 1 };
  const [label, factor] = SCALED[units] || [units === '1' ? '' : units, 1];
  return { label, factor };
}

export function scaled(values, factor) { return Array.from(values, (v) => v * factor); }
