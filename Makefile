# The README's commands. `make run` sets up (Debian packages, when run as root),
# builds and runs the default Dutch scenario; `make test` builds and runs every test.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
SCENARIO ?= scenarios/current-policy.toml
OUT ?= results/current-policy.h5
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)

.PHONY: run test test-mpi deps build bench sanitize fuzz clean viewer view

deps:
	@tools/install_deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/eiisim run --scenario $(SCENARIO) --out $(OUT)
	PYTHONPATH=tools /usr/bin/python3 -m eiisim_results plot $(OUT) --out results/figures

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The results viewer (tools/viewer, docs/viewer.md): `make viewer` installs its npm
# packages from the lock file and builds it; `make view FILE=results/x.h5` serves it on
# 127.0.0.1, prints the address and opens FILE in the browser.
viewer:
	cd tools/viewer && npm ci --no-audit --no-fund && npm run build

FILE ?= $(OUT)
view:
	@test -f tools/viewer/dist/index.html || $(MAKE) viewer
	/usr/bin/python3 tools/viewer/serve.py $(FILE) $(if $(COMPARE),--compare $(COMPARE))

# The MPI sweep test (docs/hpc.md): the same build with -DEIISIM_MPI=ON (after `make test`
# only two files recompile), then 1 and 2 ranks against one process.
test-mpi:
	WITH_MPI=1 tools/install_deps.sh
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DEIISIM_MPI=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS) --target eiisim
	cd $(BUILD_DIR) && ctest --output-on-failure -R '^mpi\.'

bench: deps
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DEIISIM_BENCHMARKS=ON
	cmake --build build-bench -j $(JOBS)
	tools/bench/run_benchmarks.sh build-bench

# Sanitizer build and test suite: make sanitize SANITIZE=address,undefined (or thread)
SANITIZE ?= address,undefined
sanitize: deps
	cmake -S . -B build-$(subst $(comma),-,$(SANITIZE)) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEIISIM_SANITIZE=$(SANITIZE)
	cmake --build build-$(subst $(comma),-,$(SANITIZE)) -j $(JOBS)
	cd build-$(subst $(comma),-,$(SANITIZE)) && ctest --output-on-failure -j $(JOBS)

comma := ,

# libFuzzer harnesses (docs/testing.md, "Fuzzing"): builds only the fuzzers with clang and
# runs each for FUZZ_SECONDS.
FUZZ_SECONDS ?= 10
fuzz:
	tools/install_deps.sh --fuzz
	CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DEIISIM_FUZZ=ON -DEIISIM_FUZZ_SECONDS=$(FUZZ_SECONDS)
	cmake --build build-fuzz -j $(JOBS) --target eiisim_fuzzers
	cd build-fuzz && ctest --output-on-failure -L fuzz -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) build-bench build-address* build-thread* build-undefined* build-fuzz
