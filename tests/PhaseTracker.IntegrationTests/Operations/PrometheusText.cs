using System.Globalization;
using System.Text.RegularExpressions;

namespace PhaseTracker.IntegrationTests.Operations;

/// <summary>One sample of the Prometheus text format: <c>name{label="value",...} 12.5</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? this[string label] => Labels.GetValueOrDefault(label);
}

/// <summary>Reads <c>/metrics</c> as Prometheus would, enough for tests.</summary>
public static partial class PrometheusText
{
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Scrapes until <paramref name="until"/> holds (or a few seconds passed): a request's duration is
    /// recorded as its response ends, which can be just after the client has read it.
    /// </summary>
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeUntilAsync(HttpClient client, Func<IReadOnlyList<PrometheusSample>, bool> until)
    {
        ArgumentNullException.ThrowIfNull(until);
        var samples = await ScrapeAsync(client);
        for (var attempt = 0; attempt < 50 && !until(samples); attempt++)
        {
            await Task.Delay(50);
            samples = await ScrapeAsync(client);
        }

        return samples;
    }

    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            samples.Add(new PrometheusSample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    public static double Sum(this IEnumerable<PrometheusSample> samples, string name, Func<PrometheusSample, bool>? where = null) =>
        samples.Where(s => s.Name == name && (where?.Invoke(s) ?? true)).Sum(s => s.Value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex LabelPair();
}
