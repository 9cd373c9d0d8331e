using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>
/// Matches the short labels that matrix rows and roadmap blocks use ("E2E Tests", "Cleanup &amp; Polish")
/// to the items they mean, by shared words (lightly stemmed), helped by priority and effort.
/// </summary>
internal static class LabelMatcher
{
    private static readonly HashSet<string> StopWords =
        ["a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "by", "from", "at", "is", "be", "it", "vs"];

    /// <summary>Words past this many items say nothing about which item a label means.</summary>
    private const int CommonWordLimit = 64;

    public static HashSet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var word = Stem(text[start..i].ToLowerInvariant());
                if (!StopWords.Contains(word))
                {
                    words.Add(word);
                }

                start = -1;
            }
        }

        return words;
    }

    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>The share of the label's words that the other text has.</summary>
    public static double Overlap(HashSet<string> label, HashSet<string> other)
    {
        if (label.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var word in label)
        {
            if (other.Contains(word))
            {
                shared++;
            }
        }

        return (double)shared / label.Count;
    }

    public static int Shared(HashSet<string> label, HashSet<string> other) => label.Count(other.Contains);

    /// <summary>Whether a cell is the value or an abbreviation of it ("Backend" for "Backend Team").</summary>
    public static bool Abbreviates(string cell, string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (string.Equals(cell.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var cellWords = Words(cell);
        return cellWords.Count > 0 && Overlap(cellWords, Words(value)) == 1;
    }

    /// <summary>An index of items by the words of their titles (and aliases), for matching many labels quickly.</summary>
    public sealed class ItemIndex
    {
        private readonly Dictionary<string, List<DeferredItem>> _byWord = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DeferredItem> _byTitle = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<DeferredItem, HashSet<string>> _words = [];
        private readonly Dictionary<DeferredItem, HashSet<string>> _bodyWords = [];

        public ItemIndex(IEnumerable<DeferredItem> items, Func<DeferredItem, IEnumerable<string>>? aliases = null)
        {
            foreach (var item in items)
            {
                _byTitle.TryAdd(item.Title.Trim(), item);
                var words = Words(item.Title);
                foreach (var alias in aliases?.Invoke(item) ?? [])
                {
                    words.UnionWith(Words(alias));
                }

                _words[item] = words;
                foreach (var word in words)
                {
                    if (!_byWord.TryGetValue(word, out var list))
                    {
                        _byWord[word] = list = [];
                    }

                    list.Add(item);
                }
            }
        }

        public DeferredItem? ExactTitle(string label) => _byTitle.GetValueOrDefault(label.Trim());

        /// <summary>Items sharing at least one distinctive word with the label.</summary>
        public IEnumerable<DeferredItem> Candidates(HashSet<string> labelWords)
        {
            var seen = new HashSet<DeferredItem>();
            foreach (var word in labelWords)
            {
                if (_byWord.TryGetValue(word, out var list) && list.Count <= CommonWordLimit)
                {
                    foreach (var item in list)
                    {
                        if (seen.Add(item))
                        {
                            yield return item;
                        }
                    }
                }
            }
        }

        public HashSet<string> WordsOf(DeferredItem item) => _words[item];

        public HashSet<string> BodyWordsOf(DeferredItem item)
        {
            if (!_bodyWords.TryGetValue(item, out var words))
            {
                words = Words(string.Join(' ', item.Done.Concat(item.Missing).Concat(item.WhyDeferred)
                    .Concat(item.Plan.Select(p => p.Text)).Append(item.FilePath ?? "")));
                _bodyWords[item] = words;
            }

            return words;
        }
    }
}
