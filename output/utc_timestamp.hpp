#pragma once
// The `created` timestamp of output files, UTC ISO-8601 ("2024-05-01T12:00:00Z").
// SOURCE_DATE_EPOCH (the reproducible-builds convention, seconds since 1970), when set,
// replaces the clock so that two runs can produce byte-identical files.
#include <string>

namespace eiisim::output {

[[nodiscard]] std::string utc_timestamp_now();

}  // namespace eiisim::output
