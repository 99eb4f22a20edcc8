using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>A fresh emulator (serving the Calico CRDs) and a raw HTTP client for each test.</summary>
public abstract class EmulatorTest
{
    private protected KubernetesApiEmulator Emulator { get; private set; } = null!;

    private protected EmulatorClient Client { get; private set; } = null!;

    /// <summary>Options of the emulator each test starts; override to change them.</summary>
    private protected virtual KubernetesApiEmulatorOptions Options => new() { CrdDirectory = CalicoCrdsFolder.Root };

    [SetUp]
    public async Task StartEmulator()
    {
        Emulator = await KubernetesApiEmulator.StartAsync(Options);
        Client = new EmulatorClient(Emulator.BaseUrl);
    }

    [TearDown]
    public async Task StopEmulator()
    {
        // Nothing started when the set-up skipped the test (no Calico CRDs on a lone clone).
        if (Emulator is null) return;
        Client.Dispose();
        await Emulator.DisposeAsync();
        Emulator = null!;
    }
}
