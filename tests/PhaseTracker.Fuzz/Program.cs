using PhaseTracker.Tracking;
using SharpFuzz;

namespace PhaseTracker.Fuzz;

/// <summary>
/// AFL++ entry point: each input is one document. A rejection with a reason is a correct answer; an
/// exception, or an accepted document that does not write back as the text it was read from, is a crash.
/// With a file argument it runs that one input outside AFL, to replay a crash.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 1)
        {
            Check(File.ReadAllBytes(args[0]));
            Console.WriteLine("no crash");
            return 0;
        }

        // Out of process: a stack overflow or an out-of-memory in one input is reported as that input's
        // crash, and the fork server goes on with the next.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Check(buffer.ToArray());
        });
        return 0;
    }

    /// <summary>The property the property tests check too: read, then write back unchanged, or a rejection.</summary>
    public static void Check(byte[] bytes)
    {
        var result = TrackingDocumentReader.Read(bytes);
        if (!result.Accepted)
        {
            var rejection = result.Rejection!;
            if (rejection.Line < 0 || string.IsNullOrWhiteSpace(rejection.Message))
            {
                throw new InvalidOperationException($"A rejection without a line or a reason: {rejection}");
            }

            return;
        }

        var written = TrackingDocumentWriter.Write(result.Phase!, result.DecisionRecords);
        if (!string.Equals(written, result.Text, StringComparison.Ordinal))
        {
            var firstDifference = LineDiff.Changes(result.Text, written).FirstOrDefault();
            throw new InvalidOperationException($"The document does not write back as it was read: {firstDifference}");
        }
    }
}
