using System.Text;
using Markdig;
using Markdig.Syntax;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Fuzzing;

/// <summary>A document to mutate: its name and its bytes.</summary>
internal sealed record RealDocument(string Name, byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public override string ToString() => Name;
}

/// <summary>A mutated document and how it was made, which is what a failure prints.</summary>
internal sealed record Mutant(string Description, byte[] Bytes)
{
    public static Mutant Of(string description, string text) => new(description, Encoding.UTF8.GetBytes(text));

    public override string ToString() => $"{Description} ({Bytes.Length} bytes)";
}

/// <summary>The real documents the fuzzing starts from (the seed and the golden documents), and their parts.</summary>
internal static class FuzzDocuments
{
    public static readonly IReadOnlyList<RealDocument> All = Load();

    private static List<RealDocument> Load()
    {
        var documents = new List<RealDocument>
        {
            new("seeds/PHASE2_TRACKING.md", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "PHASE2_TRACKING.md"))),
        };
        documents.AddRange(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Documents"), "*.md", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(path => new RealDocument($"Documents/{Path.GetFileName(path)}", File.ReadAllBytes(path))));
        return documents;
    }

    public static RealDocument Seed => All[0];

    /// <summary>
    /// The byte offsets where a line starts a block (a heading, a list or list item, a table or table
    /// row, a paragraph, a quote, a code block), as Markdig sees it with the reader's own pipeline.
    /// </summary>
    public static SortedSet<int> BlockBoundaries(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var document = Markdown.Parse(text.TrimStart('\uFEFF'), TrackingDocumentReader.Pipeline);
        var boundaries = new SortedSet<int>();
        foreach (var block in document.Descendants<Block>())
        {
            if (block.Line >= 0 && block.Line < lineStarts.Count)
            {
                boundaries.Add(lineStarts[block.Line]);
            }
        }

        return boundaries;
    }

    /// <summary>
    /// The text cut into sections at each heading of the given level (a "## " or a "### " line, outside
    /// code fences): the part before the first heading, then one part for each heading.
    /// </summary>
    public static List<string> Sections(string text, int level)
    {
        var marker = new string('#', level) + " ";
        var sections = new List<string>();
        var current = new StringBuilder();
        var inFence = false;
        foreach (var line in Lines(text))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal) && current.Length > 0)
            {
                sections.Add(current.ToString());
                current.Clear();
            }

            current.Append(line);
        }

        sections.Add(current.ToString());
        return sections;
    }

    /// <summary>The lines of a text, each with its line ending.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }
}
