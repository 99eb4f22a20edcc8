using System.Net;
using System.Text.Json.Nodes;
using static SgLambda.Emulators.Tests.Kubernetes.ApiServer.CalicoJson;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Watches as the API server streams them: one JSON WatchEvent per line, from a resourceVersion on.</summary>
public class WatchTests : EmulatorTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_watch_from_a_lists_resource_version_sees_each_later_change_in_order_and_nothing_before()
    {
        await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "before"));
        var listVersion = (await Client.GetAsync(Path(V3, "tiers"))).ResourceVersion;
        using var watch = await WatchLines.OpenAsync(Emulator.BaseUrl, Path(V3, "tiers") + $"?watch=true&resourceVersion={listVersion}");

        await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "blue"));
        var patched = await Client.PatchAsync(Path(V3, "tiers", "blue"), """{"spec":{"order":200}}""", "application/merge-patch+json");
        await Client.DeleteAsync(Path(V3, "tiers", "blue"));

        var events = new[] { await watch.NextAsync(Patience), await watch.NextAsync(Patience), await watch.NextAsync(Patience) };
        Assert.That(events.Select(e => $"{e["type"]} {e["object"]!["metadata"]!["name"]}"), Is.EqualTo(new[] { "ADDED blue", "MODIFIED blue", "DELETED blue" }));
        Assert.That(events[1]["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(patched.ResourceVersion));
        Assert.That(long.Parse(events[2]["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(long.Parse(patched.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)), "a deletion carries its own revision");
    }

    [Test]
    public async Task A_watch_without_a_resource_version_starts_with_the_current_objects_and_honours_field_selectors()
    {
        await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "red"));
        await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "green"));
        using var watch = await WatchLines.OpenAsync(Emulator.BaseUrl, Path(V3, "tiers") + "?watch=true&fieldSelector=metadata.name%3Dgreen");

        var first = await watch.NextAsync(Patience);
        await Client.DeleteAsync(Path(V3, "tiers", "red"));
        await Client.DeleteAsync(Path(V3, "tiers", "green"));
        var second = await watch.NextAsync(Patience);

        Assert.That($"{first["type"]} {first["object"]!["metadata"]!["name"]}", Is.EqualTo("ADDED green"));
        Assert.That($"{second["type"]} {second["object"]!["metadata"]!["name"]}", Is.EqualTo("DELETED green"));
    }

    [Test]
    public async Task A_watch_from_a_compacted_resource_version_gets_one_410_Expired_error_event()
    {
        var old = (await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "old"))).ResourceVersion;
        await Client.PostAsync(Path(V3, "tiers"), Tier(V3, "new"));
        Emulator.Registry.Compact();
        using var watch = await WatchLines.OpenAsync(Emulator.BaseUrl, Path(V3, "tiers") + $"?watch=true&resourceVersion={old}");

        var error = await watch.NextAsync(Patience);

        Assert.That(error["type"]!.GetValue<string>(), Is.EqualTo("ERROR"));
        Assert.That(error["object"]!["code"]!.GetValue<int>(), Is.EqualTo(410));
        Assert.That(error["object"]!["reason"]!.GetValue<string>(), Is.EqualTo("Expired"));
        Assert.That(await watch.NextOrEndAsync(Patience), Is.Null, "the stream ends after the error");
    }

    [Test]
    public async Task A_watch_ends_after_timeoutSeconds()
    {
        using var watch = await WatchLines.OpenAsync(Emulator.BaseUrl, Path(V3, "tiers") + $"?watch=true&resourceVersion={Emulator.ResourceVersion}&timeoutSeconds=1");

        Assert.That(await watch.NextOrEndAsync(Patience), Is.Null);
    }

    [Test]
    public async Task A_watch_of_a_read_only_or_unserved_verb_is_refused_in_one_status()
    {
        var status = await Client.GetAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews?watch=true");

        Assert.That(status.Code, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    /// <summary>The lines of an open watch response.</summary>
    private sealed class WatchLines : IDisposable
    {
        private readonly HttpClient _http;
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private WatchLines(HttpClient http, HttpResponseMessage response, StreamReader reader)
        {
            _http = http;
            _response = response;
            _reader = reader;
        }

        public static async Task<WatchLines> OpenAsync(Uri baseUrl, string path)
        {
            var http = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
            var response = await http.GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            return new WatchLines(http, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public async Task<JsonObject> NextAsync(TimeSpan timeout) =>
            await NextOrEndAsync(timeout) ?? throw new AssertionException("the watch ended before the expected event");

        public async Task<JsonObject?> NextOrEndAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            var line = await _reader.ReadLineAsync(cancel.Token);
            return line is null ? null : JsonNode.Parse(line)!.AsObject();
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
            _http.Dispose();
        }
    }
}
