using k8s;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Kubernetes.Tests;

/// <summary>
/// A fresh emulator per test, the adapter's connection to it opened from its kubeconfig (as the CLI opens one),
/// and KubernetesClient on the same kubeconfig as a user's kubectl.
/// </summary>
public abstract class StoreTest
{
    private protected KubernetesApiEmulator Emulator { get; private set; } = null!;

    /// <summary>A user's client (kubectl), for what SgLambda does not do itself.</summary>
    private protected IKubernetes Client { get; private set; } = null!;

    /// <summary>The adapter's connection.</summary>
    private protected KubernetesHttpApi Api { get; private set; } = null!;

    /// <summary>The waits the store asked for between attempts (recorded, not slept).</summary>
    private protected List<TimeSpan> Waits { get; } = [];

    /// <summary>What the store logged.</summary>
    private protected List<string> Logged { get; } = [];

    private protected virtual KubernetesApiEmulatorOptions Options => new() { CrdDirectory = CrdFolder.Root };

    private protected virtual RetryPolicy Retry => RetryPolicy.Default;

    [SetUp]
    public async Task StartEmulator()
    {
        Waits.Clear();
        Logged.Clear();
        Emulator = await KubernetesApiEmulator.StartAsync(Options);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"sglambda-test-{Guid.NewGuid():N}.kubeconfig");
        await Emulator.WriteKubeconfigAsync(kubeconfig);
        try
        {
            Client = KubernetesClients.FromKubeconfig(kubeconfig);
            Api = KubeconfigConnection.Open(kubeconfig);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [TearDown]
    public async Task StopEmulator()
    {
        // Nothing started when the set-up skipped the test (no Calico CRDs on a lone clone).
        if (Emulator is null) return;
        Client?.Dispose();
        Api?.Dispose();
        await Emulator.DisposeAsync();
        Emulator = null!;
    }

    private protected KubernetesRetry RecordingRetry(RetryPolicy? policy = null) =>
        new(policy ?? Retry, (wait, _) =>
        {
            lock (Waits) Waits.Add(wait);
            return Task.CompletedTask;
        }, seed: 1);

    private protected KubernetesCalicoStore Store(string apiGroup, int pageSize = 500, RetryPolicy? policy = null) =>
        new(Api, new KubernetesStoreOptions { ApiGroup = apiGroup, PageSize = pageSize, Log = message => Logged.Add(message) }, RecordingRetry(policy));
}
