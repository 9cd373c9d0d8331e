using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// A short hash of the values a record writes into the document. The writer compares it with the hash
/// taken when the record's source text was read: equal means the source can be written as it is,
/// without parsing it again (which keeps a 10,000-item export fast).
/// </summary>
public static class Fingerprint
{
    private const char Separator = '\u001f';

    public static string Of(DeferredItem item)
    {
        var builder = new StringBuilder(256);
        Add(builder, item.Number, item.Title, item.FilePath, item.StatusEmoji, item.StatusLabel, item.StatusNote);
        AddList(builder, item.WhyDeferred);
        AddList(builder, item.Done);
        AddList(builder, item.Missing);
        foreach (var step in item.Plan)
        {
            Add(builder, step.Text);
            AddList(builder, step.SubSteps);
        }

        Add(builder, item.EffortHours?.ToString("R", CultureInfo.InvariantCulture), item.Priority?.ToString(CultureInfo.InvariantCulture),
            item.PriorityLabel, item.Impact, item.Owner, item.TrackingIssue, item.CompletedOn, item.PullRequest);
        if (item.ChangesToPlan.Count > 0)
        {
            // Only when there are some: the fingerprints stored before the field was read stay valid.
            AddList(builder, item.ChangesToPlan);
        }

        return Hash(builder);
    }

    public static string Of(RoadmapWeek week)
    {
        var builder = new StringBuilder(128);
        Add(builder, week.Number.ToString(CultureInfo.InvariantCulture), week.Theme);
        foreach (var block in week.Blocks)
        {
            Add(builder, block.StartDay?.ToString(CultureInfo.InvariantCulture), block.EndDay?.ToString(CultureInfo.InvariantCulture), block.Title);
            AddList(builder, block.Tasks);
        }

        return Hash(builder);
    }

    public static string Of(DecisionRecord record)
    {
        var builder = new StringBuilder(256);
        Add(builder, record.Number.ToString(CultureInfo.InvariantCulture), record.Title, record.Date, record.Status,
            record.Supersedes?.ToString(CultureInfo.InvariantCulture), record.SupersededBy?.ToString(CultureInfo.InvariantCulture));
        AddList(builder, record.Context);
        AddList(builder, record.Decision);
        foreach (var consequence in record.Consequences)
        {
            Add(builder, consequence.Positive ? "+" : "-", consequence.Mark, consequence.Text);
        }

        foreach (var alternative in record.Alternatives)
        {
            Add(builder, alternative.Option, alternative.Verdict, alternative.Reason);
        }

        return Hash(builder);
    }

    private static void Add(StringBuilder builder, int number, params string?[] values)
    {
        builder.Append(number).Append(Separator);
        Add(builder, values);
    }

    private static void Add(StringBuilder builder, params string?[] values)
    {
        foreach (var value in values)
        {
            // Null and empty differ: a field that is missing is not a field that is blank.
            builder.Append(value is null ? "\u0000" : value).Append(Separator);
        }
    }

    private static void AddList(StringBuilder builder, List<string> values)
    {
        builder.Append('[').Append(values.Count).Append(Separator);
        foreach (var value in values)
        {
            builder.Append(value).Append(Separator);
        }

        builder.Append(']');
    }

    private static string Hash(StringBuilder builder)
    {
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        return Convert.ToBase64String(SHA256.HashData(bytes), 0, 16);
    }
}
