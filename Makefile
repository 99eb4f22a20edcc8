# SAM builds (BuildMethod: makefile, CodeUri: .): `sam build` runs build-<LogicalId> and deploys what
# lands in $(ARTIFACTS_DIR). Prefer `sam build --build-in-source` (no copy of the repository).
FUNCTIONS_PROJECT := src/SgLambda.Functions

# Managed runtime (the template's default FunctionRuntime dotnet10, Handler Assembly::Type::Method).
PUBLISH := dotnet publish $(FUNCTIONS_PROJECT) -c Release -r linux-x64 --self-contained false -o $(ARTIFACTS_DIR)

# Native AOT alternative (faster cold start, docs/performance.md): build with `AOT=true sam build` and deploy
# with the parameter FunctionRuntime=provided.al2023 (the Handler strings stay: the bootstrap picks the
# function by _HANDLER). The artifact is the stripped native binary alone, renamed bootstrap, the file
# provided.al2023 runs; it needs clang (or gcc) and must run on Linux x64 (or `sam build --use-container`).
ifeq ($(AOT),true)
PUBLISH := dotnet publish $(FUNCTIONS_PROJECT) -c Release -r linux-x64 -p:PublishAot=true -o $(ARTIFACTS_DIR)
endif

.PHONY: build-ChangeHandler build-Reconciler build-AdmissionWebhook

build-ChangeHandler:
	$(PUBLISH)

build-Reconciler:
	$(PUBLISH)

build-AdmissionWebhook:
	$(PUBLISH)
