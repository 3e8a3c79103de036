#include "taste_draw.hpp"

namespace eiisim {

TasteDraw draw_lasting_taste(RandomStream& stream) {
    TasteDraw taste;
    for (double& e : taste.epsilon) e = stream.gumbel();
    return taste;
}

TasteDraw lasting_taste(std::uint64_t seed, std::uint64_t run, int plant) {
    RandomStream stream(seed, run, static_cast<std::uint64_t>(plant), 0, Purpose::taste);
    return draw_lasting_taste(stream);
}

TasteDraw decision_taste(const Behaviour& behaviour, const TasteDraw& lasting, std::uint64_t seed,
                         std::uint64_t run, int plant, int year) {
    if (behaviour.deterministic) return {};
    TasteDraw taste = lasting;
    if (behaviour.taste_innovation_sd <= 0) return taste;
    RandomStream stream(seed, run, static_cast<std::uint64_t>(plant), static_cast<std::uint64_t>(year),
                        Purpose::taste_innovation);
    for (double& e : taste.epsilon) e += behaviour.taste_innovation_sd * stream.normal();
    return taste;
}

}  // namespace eiisim
