using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Fuzzing;

/// <summary>
/// What every input must do, however broken: read (and then write back, unchanged, as the text it was
/// read from) or be refused in one sentence with a line number. Never an exception, never a hang.
/// </summary>
internal static class ImporterProperty
{
    /// <summary>Generous: a hang fails the test; speed is measured elsewhere (docs/performance.md).</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For the few documents of several megabytes: Markdig alone needs seconds for those on a CI machine
    /// that four builds share, and a hang is still a hang at this bound.
    /// </summary>
    public static readonly TimeSpan LargeDocumentGuard = TimeSpan.FromSeconds(60);

    public static void Holds(byte[] bytes) => Holds(bytes, out _);

    /// <summary>Checks the property; <paramref name="result"/> is what the reader gave.</summary>
    public static void Holds(byte[] bytes, out ReadResult result, TimeSpan? guard = null)
    {
        var limit = guard ?? Guard;
        var task = Task.Run(() => Check(bytes));
        if (!task.Wait(limit))
        {
            // The task keeps running; the test has failed either way.
            throw new TimeoutException($"Reading and writing a {bytes.Length}-byte document took longer than {limit.TotalSeconds:0} s.");
        }

        result = task.Result;
    }

    private static ReadResult Check(byte[] bytes)
    {
        var result = TrackingDocumentReader.Read(bytes);
        if (!result.Accepted)
        {
            var rejection = result.Rejection!;
            if (rejection.Line < 0 || string.IsNullOrWhiteSpace(rejection.Message) ||
                rejection.Message.Contains('\n', StringComparison.Ordinal) || !rejection.Message.EndsWith('.'))
            {
                throw new InvalidOperationException($"A rejection must be one sentence with a line number of 0 or more: \"{rejection}\".");
            }

            return result;
        }

        var written = TrackingDocumentWriter.Write(result.Phase!, result.DecisionRecords);
        if (!string.Equals(written, result.Text, StringComparison.Ordinal))
        {
            var changes = LineDiff.Changes(result.Text, written);
            throw new InvalidOperationException(
                $"The document does not write back as it was read ({changes.Count} changed lines):{Environment.NewLine}{string.Join(Environment.NewLine, changes.Take(10))}");
        }

        return result;
    }
}
