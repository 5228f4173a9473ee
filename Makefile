# Descent — make setup · build · test · viz · zoo-animations · gallery · browser-test · leaderboard · digits-search · fashion-mnist · bench · clean
SWIFT ?= swift
PACKAGES := libcairo2-dev libgif-dev libopenblas-dev zlib1g-dev fonts-dejavu-core pkg-config
BIN_DIR = $(shell $(SWIFT) build -c release --show-bin-path)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: setup build release test viz zoo-animations gallery browser-test leaderboard digits-search fashion-mnist bench clean

# Installs the Debian packages of $(1) that are missing, with apt-get (sudo unless root).
install_missing = missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Install the system libraries Descent links against (idempotent; no-op when present).
setup:
	@$(call install_missing,$(PACKAGES))

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

## The whole test suite (debug build).
test: setup
	$(SWIFT) test

## Every config in configs/ into output/, in parallel, then the gallery (output/index.html).
viz: release
	$(BIN_DIR)/descent run configs/*.json --output output --jobs $(JOBS)
	$(BIN_DIR)/descent gallery output

## The zoo's animations too: every optimizer's GIF on the four zoo landscapes (make viz draws
## their stills, race and loss only, to stay under 5 minutes; this adds ≈ 2 minutes on 2 cores).
zoo-animations: release
	$(BIN_DIR)/descent run configs/zoo-*.json --format png,gif --output output --jobs $(JOBS)
	$(BIN_DIR)/descent gallery output

## Rebuild output/index.html and output/README.md from the results already in output/.
gallery: release
	$(BIN_DIR)/descent gallery output

## The gallery in headless Chromium (budgets, filter, sort, lightbox, phone width) on the
## output of `make viz`; installs chromium, chromium-driver and Selenium (in .build/browser-venv).
BROWSER_PACKAGES := chromium chromium-driver python3-venv
browser-test:
	@$(call install_missing,$(BROWSER_PACKAGES))
	@test -x .build/browser-venv/bin/python || (python3 -m venv .build/browser-venv && .build/browser-venv/bin/pip install -q selenium)
	.build/browser-venv/bin/python Tests/Browser/gallery_test.py output $(SHOTS)

## The full default benchmark (configs/benchmark/default.json: every optimizer × 15 landscapes),
## then the gallery with its leaderboard page. Resumable; split it with --shard (README).
leaderboard: release
	$(BIN_DIR)/descent run configs/benchmark/default.json --output output --jobs $(JOBS)
	$(BIN_DIR)/descent gallery output

## The digits network with every optimizer's lr tuned first (configs/network/digits-cnn-search.json:
## 20 TPE trials of 90 steps each, scored on validation loss), then trained for 20 epochs.
digits-search: release
	$(BIN_DIR)/descent run configs/network/digits-cnn-search.json --output output --jobs $(JOBS)
	$(BIN_DIR)/descent gallery output

## The Fashion-MNIST study (configs/network/fashion-mnist-2c2d.json, DeepOBS's fmnist_2c2d);
## needs the IDX files in data/fashion-mnist/ (README, "Network studies"). Not part of viz.
fashion-mnist: release
	$(BIN_DIR)/descent run configs/network/fashion-mnist-2c2d.json --output output --jobs $(JOBS)
	$(BIN_DIR)/descent gallery output

bench: release
	$(BIN_DIR)/descent bench

clean:
	rm -rf .build output
