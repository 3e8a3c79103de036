#pragma once
// Counter-based random numbers (Philox4x64-10, Random123). A stream is addressed by
// (seed, run, plant, year, purpose): the same address gives the same numbers whatever
// thread asks and in whatever order, which is what makes runs bit-identical across
// thread counts. Adding a draw for one purpose never shifts another purpose's draws.
//
// Distributions are our own small functions over the raw bits: std:: distributions
// differ between standard libraries.
#include <cstdint>

#include <Random123/philox.h>

namespace eiisim {

enum class Purpose : std::uint64_t {
    // 1 was `choice`, a fresh Gumbel draw at every decision, replaced by the persistent
    // taste below (docs/ODD.md §7.7); not reused, so old and new draws never coincide.
    strategic_bias = 2,  // a plant's persistent preference per option kind
    tie_break = 3,       // order among equal-priority requests for scarce capacity
    sampling = 4,        // Monte Carlo parameter samples
    taste = 5,           // a plant's lasting Gumbel taste per option kind (year 0)
    taste_innovation = 6,  // the yearly innovation around it (agents/taste_draw.hpp)
    agreement = 7,       // how a support agreement turns out (sim/agreements.hpp; `plant` = agreement index)
    permit = 8,          // how a granted conversion's permit stage turns out (sim/permit_stage.hpp; `year` = decision)
};

class RandomStream {
public:
    RandomStream(std::uint64_t seed, std::uint64_t run, std::uint64_t plant, std::uint64_t year,
                 Purpose purpose);

    // Uniform in the open interval (0, 1): never exactly 0 or 1, so log() is safe.
    double uniform();
    // Standard Gumbel(0, 1): the noise whose arg-max gives multinomial-logit choices.
    double gumbel();
    // Standard normal by Box-Muller (both values of a pair are used).
    double normal();
    std::uint64_t next_u64();

private:
    using Engine = r123::Philox4x64;
    Engine engine_;
    Engine::ctr_type counter_{};
    Engine::key_type key_{};
    Engine::ctr_type block_{};
    int used_ = 4;  // words of block_ already handed out
    bool has_spare_normal_ = false;
    double spare_normal_ = 0.0;
};

}  // namespace eiisim
