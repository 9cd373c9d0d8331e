using System.Text.Json;
using System.Text.RegularExpressions;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Operations;

/// <summary>docs/operations/grafana-dashboard.json: loads, has its three rows, and asks only for metrics the app serves.</summary>
public sealed partial class GrafanaDashboardTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    // Series that Prometheus itself makes, not the app.
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal) { "up", "scrape_duration_seconds", "ALERTS" };

    // PromQL words that look like names.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan",
    };

    public static string DashboardPath => Path.Combine(RepositoryRoot(), "docs", "operations", "grafana-dashboard.json");

    [Fact]
    public void The_dashboard_has_rows_for_traffic_and_latency_user_experience_and_errors()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));

        var rows = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.GetProperty("type").GetString() == "row")
            .Select(p => p.GetProperty("title").GetString())
            .ToList();

        Assert.Equal(["HTTP traffic and latency", "User experience", "Errors"], rows);
        Assert.False(string.IsNullOrEmpty(dashboard.RootElement.GetProperty("title").GetString()));
        Assert.All(Expressions(dashboard), expr => Assert.False(string.IsNullOrWhiteSpace(expr)));
    }

    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_on_the_apps_metrics_page()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        using var client = factory.CreateClient();
        foreach (var path in new[] { "/", "/items", "/adrs/4", "/no-such-page", "/healthz" })
        {
            (await client.GetAsync(new Uri(path, UriKind.Relative))).Dispose();
        }

        var served = (await PrometheusText.ScrapeUntilAsync(client, samples => samples.Any(s => s["http_route"] == "/healthz")))
            .Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var queried = Expressions(dashboard).SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("http_server_request_duration_seconds_bucket", queried);
        Assert.Contains("phasetracker_errors_total", queried);
        Assert.All(queried, name => Assert.True(served.Contains(name) || Standard.Contains(name), $"The dashboard queries {name}, which /metrics does not serve."));
    }

    [Theory]
    [InlineData("""sum by (le) (rate(http_server_request_duration_seconds_bucket{job="$job", http_route!~"/metrics|/healthz.*"}[$__rate_interval]))""", "http_server_request_duration_seconds_bucket")]
    [InlineData("""sum(up{job="$job"})""", "up")]
    [InlineData("""topk(10, histogram_quantile(0.95, sum by (http_route, le) (rate(x_bucket[1h]))))""", "x_bucket")]
    public void Metric_names_are_read_from_promql(string expr, string name) =>
        Assert.Equal([name], MetricNames(expr));

    private static IEnumerable<string> Expressions(JsonDocument dashboard) =>
        dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!);

    /// <summary>The metric names in a PromQL expression: names that are not functions, keywords, labels or numbers.</summary>
    public static IReadOnlyList<string> MetricNames(string expr)
    {
        var bare = LabelMatchers().Replace(expr, "");
        bare = Grouping().Replace(bare, "");
        bare = Ranges().Replace(bare, "");
        return [.. Identifier().Matches(bare)
            .Where(m => !Keywords.Contains(m.Value) && !bare[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value)
            .Distinct()];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PhaseTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PhaseTracker.sln) is not above the test's folder.");
    }

    [GeneratedRegex("""\{[^}]*\}""")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex("""\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)""")]
    private static partial Regex Grouping();

    [GeneratedRegex("""\[[^\]]*\]""")]
    private static partial Regex Ranges();

    [GeneratedRegex("""(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*""")]
    private static partial Regex Identifier();
}
