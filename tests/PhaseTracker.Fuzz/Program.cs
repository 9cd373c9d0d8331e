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
        if (args.Length == 1 && Directory.Exists(args[0]))
        {
            return Replay(Directory.GetFiles(args[0]).Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

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

    /// <summary>Runs each file once (uninstrumented) and prints one line for each: its first complaint, or "ok".</summary>
    private static int Replay(IEnumerable<string> files)
    {
        var crashes = 0;
        foreach (var file in files)
        {
            try
            {
                Check(File.ReadAllBytes(file));
                Console.WriteLine($"ok\t{file}");
            }
            catch (Exception ex)
            {
                crashes++;
                var detail = ex.Message.Split('\n', 3);
                Console.WriteLine($"{ex.GetType().Name}: {string.Join(" | ", detail.Take(2)).TrimEnd('\r')}\t{file}");
            }
        }

        return crashes == 0 ? 0 : 1;
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
            var changes = LineDiff.Changes(result.Text, written);
            throw new InvalidOperationException(
                $"The document does not write back as it was read ({changes.Count} changed lines):{Environment.NewLine}{string.Join(Environment.NewLine, changes.Take(20))}");
        }
    }
}
