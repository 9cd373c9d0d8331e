using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace PhaseTracker.Tests.Fuzzing;

/// <summary>
/// Property tests: real documents (the seed and the golden documents), broken at random, either read and
/// write back unchanged or are refused with a reason and a line. A failure prints CsCheck's seed; pass it
/// as <c>seed:</c> to the same Sample call to replay exactly that input (docs/fuzzing.md).
/// The iteration counts keep the fuzzing under a minute of a CI run, even on a busy machine.
/// </summary>
public class MutatedDocumentTests
{
    private static readonly Gen<RealDocument> AnyDocument = Gen.Int[0, FuzzDocuments.All.Count - 1].Select(i => FuzzDocuments.All[i]);

    [Fact]
    public void Documents_with_random_bytes_flipped_are_read_or_refused_with_a_reason()
    {
        var flips = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 12];
        Gen.Select(AnyDocument, flips, (document, changes) =>
            {
                var bytes = (byte[])document.Bytes.Clone();
                foreach (var (position, value) in changes)
                {
                    bytes[position % bytes.Length] = value;
                }

                return new Mutant($"{document} with {string.Join(", ", changes.Select(c => $"byte {c.Item1 % bytes.Length} = 0x{c.Item2:X2}"))}", bytes);
            })
            .Sample(mutant => ImporterProperty.Holds(mutant.Bytes), iter: 1000, print: m => m.ToString());
    }

    [Fact]
    public void Documents_cut_short_at_every_block_boundary_are_read_or_refused_with_a_reason()
    {
        var cuts = 0;
        foreach (var document in FuzzDocuments.All)
        {
            foreach (var boundary in FuzzDocuments.BlockBoundaries(document.Bytes))
            {
                CheckCut(document, boundary);

                // Also cut just before the boundary: the line before it loses its line ending.
                if (boundary > 0)
                {
                    CheckCut(document, boundary - 1);
                }

                cuts++;
            }
        }

        Assert.True(cuts > 500, $"only {cuts} block boundaries were found in the documents");
    }

    [Fact]
    public void Documents_cut_short_anywhere_even_inside_a_character_are_read_or_refused_with_a_reason()
    {
        Gen.Select(AnyDocument, Gen.Int[0, int.MaxValue], (document, at) => (Document: document, Length: at % (document.Bytes.Length + 1)))
            .Sample(cut => CheckCut(cut.Document, cut.Length), iter: 500, print: c => $"{c.Document} cut to {c.Length} bytes");
    }

    [Fact]
    public void Documents_with_level_2_and_3_sections_shuffled_dropped_or_repeated_are_read_or_refused_with_a_reason()
    {
        var sectioned = Gen.Select(AnyDocument, Gen.Int[2, 3], (document, level) => (Document: document, Level: level, Sections: FuzzDocuments.Sections(document.Text, level)));
        var order = Gen.Int[0, 1000].Array[1, 40];
        Gen.Select(sectioned, Gen.Int[0, 2], order, (doc, mode, picks) =>
            {
                var (document, level, sections) = doc;
                List<int> indices = mode switch
                {
                    // A shuffle of every section after the first (the title stays on top).
                    0 => [0, .. Enumerable.Range(1, sections.Count - 1).OrderBy(i => picks[i % picks.Length] ^ (i * 7919)).ThenBy(i => i)],
                    // One section repeated right after itself or further on.
                    1 => RepeatOne(sections.Count, picks),
                    // Any sequence of sections: dropped, repeated and reordered at once.
                    _ => [.. picks.Select(p => p % sections.Count)],
                };
                var text = string.Concat(indices.Select(i => sections[i]));
                return Mutant.Of($"{document}, level {level} sections in the order {string.Join(",", indices)}", text);
            })
            .Sample(mutant => ImporterProperty.Holds(mutant.Bytes), iter: 800, print: m => m.ToString());
    }

    private static List<int> RepeatOne(int count, int[] picks)
    {
        var indices = Enumerable.Range(0, count).ToList();
        var repeated = picks[0] % count;
        var at = Math.Min(count, repeated + 1 + (picks.Length > 1 ? picks[1] % count : 0));
        indices.Insert(at, repeated);
        return indices;
    }

    [Fact]
    public void Documents_with_invalid_utf8_nul_bytes_and_control_characters_are_read_or_refused_with_a_reason()
    {
        byte[][] poison =
        [
            [0x00], [0x80], [0xBF], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0xFE], [0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0x0D], [0x01], [0x1B], [0x7F], [0x0C], [0xC2, 0x85], [0xE2, 0x80, 0xA8],
            [0xC4, 0x9F, 0xC5, 0xB8], [0xC3, 0xA2, 0xE2, 0x82, 0xAC],
        ];
        var insertions = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, poison.Length - 1], Gen.Bool).Array[1, 6];
        Gen.Select(AnyDocument, insertions, (document, inserts) =>
            {
                var bytes = document.Bytes.ToList();
                var said = new List<string>();
                foreach (var (position, which, replace) in inserts)
                {
                    var at = position % (bytes.Count + 1);
                    if (replace && at < bytes.Count)
                    {
                        bytes.RemoveAt(at);
                    }

                    bytes.InsertRange(at, poison[which]);
                    said.Add($"{(replace ? "replace" : "insert")} {Convert.ToHexString(poison[which])} at {at}");
                }

                return new Mutant($"{document}, {string.Join("; ", said)}", [.. bytes]);
            })
            .Sample(mutant => ImporterProperty.Holds(mutant.Bytes), iter: 800, print: m => m.ToString());
    }

    [Fact]
    public void Documents_with_huge_numbers_anywhere_a_number_goes_are_read_or_refused_with_a_reason()
    {
        string[] huge =
        [
            "99999999999999999999", "2147483648", "4294967296", "9223372036854775808", "18446744073709551616", "-1", "0", "-99999999999999999999",
            "1e400", "1.7976931348623157E+309", "0.00000000000000000000001", "99999999999999999999.99999999999999999999", "NaN", "Infinity",
            "1,000,000,000,000", "٣", "１２", new string('9', 400),
        ];

        // Where numbers stand in a tracking document: the pattern's first group is replaced.
        string[] places =
        [
            @"\*\*Estimated Effort:\*\* (\d+)", @"(?m)^### (\d+)\.", @"(?m)^\| [^|\n]+\| P\d \| (\d+)h", @"(?m)^\| [^|\n]+\| P(\d)",
            @"\*\*Priority:\*\* P(\d)", @"ADR-(\d+)", @"(?m)^### Week (\d+)", @"(?m)^Day (\d+)", @"Phase (\d+)", @"Effort:\*\* (\d+) hours",
            @"~(\d+\.\d+) developer-days", @"(\d+) developer-days", @"\*\*Version:\*\* (\d+)",
        ];
        Gen.Select(AnyDocument, Gen.Int[0, huge.Length - 1], Gen.Int[0, places.Length - 1], Gen.Bool, (document, number, place, everywhere) =>
            {
                var pattern = new Regex(places[place]);
                var text = document.Text;
                var count = everywhere ? int.MaxValue : 1;
                var replaced = pattern.Replace(text, m => string.Concat(m.Value.AsSpan(0, m.Groups[1].Index - m.Index), huge[number], m.Value.AsSpan(m.Groups[1].Index - m.Index + m.Groups[1].Length)), count);
                return Mutant.Of($"{document} with {huge[number]} for {(everywhere ? "every" : "the first")} match of {places[place]}", replaced);
            })
            .Sample(mutant => ImporterProperty.Holds(mutant.Bytes), iter: 400, print: m => m.ToString());
    }

    private static void CheckCut(RealDocument document, int length)
    {
        try
        {
            ImporterProperty.Holds(document.Bytes[..length]);
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            throw new InvalidOperationException($"{document} cut to {length} bytes: {ex.Message}", ex);
        }
    }
}
