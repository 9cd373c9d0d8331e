using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace PhaseTracker.Tracking;

/// <summary>Text after decoding and encoding repair, with every change that was made to it.</summary>
public sealed record DecodedText(string Text, IReadOnlyList<TextRepair> Repairs);

/// <summary>
/// One change made by <see cref="EncodingRepair"/>. <paramref name="Line"/> is 1-based in the repaired text.
/// <paramref name="IsGuess"/>: a lost byte was restored by a best guess, or U+FFFD now stands for something unknown.
/// </summary>
public sealed record TextRepair(int Line, string Message, bool IsGuess);

/// <summary>
/// Decodes UTF-8 and repairs mojibake: UTF-8 that was once decoded as Windows-1254 (or Windows-1252) and
/// saved again as UTF-8, so that 📋 became <c>ğŸ“‹</c>. Bytes that have no character in Windows-1254
/// (0x81 0x8D 0x8E 0x8F 0x90 0x9D 0x9E) were dropped by that round trip; a sequence one such byte short is
/// restored from a ranked table of characters tracking documents use (see docs/decisions/0002-encoding-repair.md).
/// </summary>
public static class EncodingRepair
{
    /// <summary>The bytes Windows-1254 has no character for; a wrong decoding dropped them.</summary>
    internal static ReadOnlySpan<byte> LostBytes => [0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E];

    /// <summary>
    /// Best guesses for a sequence that lost one byte, most likely first. Only characters whose UTF-8 holds
    /// exactly one lost byte are listed: the others either never lose a byte (✅ ⚠ 📋 📌) or lose two and
    /// cannot be restored (🏁 ❎). Among the candidates of one damaged sequence, the first listed here wins.
    /// </summary>
    internal static readonly int[] RankedGuesses =
    [
        0xFE0F,  // VARIATION SELECTOR-16 (emoji presentation): EF B8 8F, lost in every ⚠️ ℹ️ 🗺️ ...
        0x274C,  // ❌
        0x1F3AF, // 🎯
        0x1F4DD, // 📝
        0x1F4D0, // 📐
        0x1F4C1, // 📁
        0x1F4CE, // 📎
        0x1F4CD, // 📍
        0x1F4CF, // 📏
        0x201D,  // ” right double quotation mark
        0x200D,  // ZERO WIDTH JOINER (chosen over ” between two emoji, see GapFill)
        0x1F41B, // 🐛
        0x1F50D, // 🔍
        0x1F50E, // 🔎
        0x1F510, // 🔐
        0x1F501, // 🔁
        0x23F3,  // ⏳
        0x23F0,  // ⏰
        0x23F1,  // ⏱
        0x23F8,  // ⏸
        0x23ED,  // ⏭
        0x2B50,  // ⭐
        0x2753,  // ❓
        0x2757,  // ❗
        0x2764,  // ❤
        0x27A1,  // ➡
        0x2795,  // ➕
        0x2796,  // ➖
        0x279C,  // ➜
        0x270F,  // ✏
        0x270D,  // ✍
        0x1F389, // 🎉
        0x1F3D7, // 🏗
        0x1F3C6, // 🏆
        0x1F3F7, // 🏷
        0x1F44D, // 👍
        0x1F44E, // 👎
        0x1F44F, // 👏
        0x1F3A8, // 🎨
        0x1F422, // 🐢
        0x1F433, // 🐳
        0x1F418, // 🐘
        0x1F91D, // 🤝
        0x1F64F, // 🙏
        0x1F310, // 🌐
        0x1F30D, // 🌍
        0x1F3E0, // 🏠
        0x1F3E2, // 🏢
        0x2610,  // ☐
        0x25CF,  // ●
        0x2190,  // ←
        0x21D0,  // ⇐
        0x2010,  // ‐ hyphen
        0x201E,  // „
        0x221E,  // ∞
    ];

    private const int ZeroWidthJoiner = 0x200D;
    private const int MaxListedPerLine = 8;
    private const int MaxShownChars = 48;

    /// <summary>For a char below U+2200: the Windows-1254 (or 1252) byte 0x80-0xFF it came from, 0 if none.</summary>
    private static readonly byte[] CharToByte = BuildCharToByte();

    private static readonly Dictionary<int, int> GuessRank = BuildGuessRank();

    /// <summary>Decodes UTF-8 bytes and repairs mojibake.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        List<TextRepair> invalid = [];
        string text = DecodeUtf8(bytes, invalid);
        DecodedText repaired = Repair(text);
        if (invalid.Count == 0)
        {
            return repaired;
        }

        List<TextRepair> all = [.. invalid, .. repaired.Repairs];
        return new DecodedText(repaired.Text, [.. all.OrderBy(r => r.Line)]);
    }

    /// <summary>Repairs mojibake in text that is already decoded.</summary>
    public static DecodedText Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Repairer repairer = new(text);
        return repairer.Run();
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, List<TextRepair> repairs)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes); // keeps a leading BOM as U+FEFF
        }

        // Each byte gives at most one UTF-16 unit, and an invalid sequence gives one U+FFFD.
        char[] buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            StringBuilder listed = new();
            int written = 0;
            int position = 0;
            int line = 1;
            int lineOfListed = 0;
            int countOnLine = 0;
            while (true)
            {
                OperationStatus status = Utf8.ToUtf16(
                    bytes[position..], buffer.AsSpan(written), out int read, out int chars, replaceInvalidSequences: false);
                written += chars;
                if (status == OperationStatus.Done)
                {
                    break;
                }

                // Invalid data (or a sequence cut off by the end): one U+FFFD per maximal invalid subsequence.
                int invalidAt = position + read;
                line += CountLineBreaks(bytes[position..invalidAt], (byte)'\r', (byte)'\n');
                _ = Rune.DecodeFromUtf8(bytes[invalidAt..], out _, out int consumed);
                if (line != lineOfListed)
                {
                    FlushInvalid(repairs, lineOfListed, countOnLine, listed);
                    lineOfListed = line;
                    countOnLine = 0;
                }

                countOnLine++;
                if (countOnLine <= MaxListedPerLine)
                {
                    listed.Append(countOnLine == 1 ? "" : ", ");
                    for (int i = 0; i < consumed; i++)
                    {
                        listed.Append(i == 0 ? "0x" : " 0x").Append(bytes[invalidAt + i].ToString("X2", CultureInfo.InvariantCulture));
                    }
                }

                buffer[written++] = '\uFFFD';
                position = invalidAt + consumed;
            }

            FlushInvalid(repairs, lineOfListed, countOnLine, listed);
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void FlushInvalid(List<TextRepair> repairs, int line, int count, StringBuilder listed)
    {
        if (count == 0)
        {
            return;
        }

        string more = count > MaxListedPerLine ? $" and {count - MaxListedPerLine} more" : "";
        string message = count == 1
            ? $"invalid UTF-8 byte sequence {listed} replaced by U+FFFD"
            : $"{count} invalid UTF-8 byte sequences ({listed}{more}) replaced by U+FFFD";
        repairs.Add(new TextRepair(line, message, IsGuess: true));
        listed.Clear();
    }

    /// <summary>
    /// Line breaks (LF, CRLF, lone CR) in a span that is never followed by an LF outside it, so a CR at
    /// its end is a line break of its own.
    /// </summary>
    private static int CountLineBreaks<T>(ReadOnlySpan<T> span, T cr, T lf)
        where T : IEquatable<T>
    {
        int breaks = span.Count(lf);
        int at = span.IndexOf(cr);
        while (at >= 0)
        {
            if (at + 1 == span.Length || !span[at + 1].Equals(lf))
            {
                breaks++;
            }

            int next = span[(at + 1)..].IndexOf(cr);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return breaks;
    }

    private static byte[] BuildCharToByte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding turkish = Encoding.GetEncoding(1254);
        Encoding western = Encoding.GetEncoding(1252);
        byte[] map = new byte[0x2200];
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[4];
        for (int b = 0x80; b <= 0xFF; b++)
        {
            one[0] = (byte)b;
            // 1254 first; 1252 adds only Ž ž Ð Ý Þ ð ý þ, which 1254 has no byte for. .NET decodes the
            // bytes neither code page defines to the C1 controls U+0081 ..., so those round-trip too.
            foreach (Encoding encoding in (ReadOnlySpan<Encoding>)[turkish, western])
            {
                if (encoding.GetChars(one, decoded) == 1 && decoded[0] >= 0x80 && decoded[0] < map.Length && map[decoded[0]] == 0)
                {
                    map[decoded[0]] = (byte)b;
                }
            }
        }

        return map;
    }

    private static Dictionary<int, int> BuildGuessRank()
    {
        Dictionary<int, int> rank = [];
        for (int i = 0; i < RankedGuesses.Length; i++)
        {
            rank.Add(RankedGuesses[i], i);
        }

        return rank;
    }

    private static byte ByteOf(char c) => c < 0x80 || c >= 0x2200 ? (byte)0 : CharToByte[c];

    private static bool IsContinuation(byte b) => b is >= 0x80 and <= 0xBF;

    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0xC2 and <= 0xDF => 2,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xF0 and <= 0xF4 => 4,
        _ => 0,
    };

    /// <summary>Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF) for a whole sequence.</summary>
    private static bool TryDecodeSequence(ReadOnlySpan<byte> s, out int codePoint)
    {
        codePoint = 0;
        int length = SequenceLength(s[0]);
        if (length == 0 || length != s.Length)
        {
            return false;
        }

        for (int i = 1; i < length; i++)
        {
            if (!IsContinuation(s[i]))
            {
                return false;
            }
        }

        bool secondOk = s[0] switch
        {
            0xE0 => s[1] >= 0xA0,
            0xED => s[1] <= 0x9F,
            0xF0 => s[1] >= 0x90,
            0xF4 => s[1] <= 0x8F,
            _ => true,
        };
        if (!secondOk)
        {
            return false;
        }

        codePoint = length switch
        {
            2 => ((s[0] & 0x1F) << 6) | (s[1] & 0x3F),
            3 => ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F),
            _ => ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F),
        };
        return true;
    }

    /// <summary>
    /// A 2-byte sequence is also what genuine text looks like where an uppercase Turkish or German letter
    /// meets punctuation (<c>ODTÜ’de</c> is DC 92). Those leads (Ü İ Ş ß = DC-DF) decode to Syriac, Thaana
    /// and NKo; such results, C1 controls and unassigned code points are taken as genuine text.
    /// </summary>
    private static bool IsPlausibleTwoByteResult(int codePoint) =>
        codePoint >= 0xA0
        && codePoint is < 0x0700 or > 0x07FF
        && CharUnicodeInfo.GetUnicodeCategory(codePoint) != UnicodeCategory.OtherNotAssigned;

    private static bool IsPictographic(int codePoint) =>
        codePoint >= 0x1F000 || codePoint is >= 0x2190 and <= 0x2BFF || codePoint == 0xFE0F;

    private static string Display(int codePoint)
    {
        string hex = "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
        return IsInvisible(codePoint) ? hex : $"{char.ConvertFromUtf32(codePoint)} ({hex})";
    }

    private static string Shown(int codePoint) =>
        IsInvisible(codePoint) ? "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture) : char.ConvertFromUtf32(codePoint);

    private static bool IsInvisible(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    /// <summary>Writes text for a message: invisible characters (no-break space, C1 controls) as ⟨U+00A0⟩.</summary>
    private static void AppendVisible(StringBuilder message, ReadOnlySpan<char> text)
    {
        if (text.Length > MaxShownChars)
        {
            int cut = char.IsHighSurrogate(text[MaxShownChars - 1]) ? MaxShownChars - 1 : MaxShownChars;
            AppendVisible(message, text[..cut]);
            message.Append('…');
            return;
        }

        Span<char> units = stackalloc char[2];
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (IsInvisible(rune.Value))
            {
                message.Append('⟨').Append("U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append('⟩');
            }
            else
            {
                message.Append(units[..rune.EncodeToUtf16(units)]);
            }
        }
    }

    /// <summary>One pass over the text; state for the output, the current line and the reports.</summary>
    private sealed class Repairer(string text)
    {
        private readonly string _text = text;
        private readonly List<TextRepair> _repairs = [];
        private readonly List<(int Start, int Length, int OutputStart, int OutputLength)> _certainOnLine = [];
        private readonly List<TextRepair> _guessesOnLine = [];
        private readonly List<Unresolved> _unresolved = [];
        private readonly Dictionary<string, Damage> _damage = [];
        private readonly Dictionary<string, string> _certainMessages = [];
        private StringBuilder? _output;
        private int _copied;          // _text[.._copied] is in _output
        private int _line = 1;
        private int _lineCountedTo;   // _line is the line of _text[_lineCountedTo]
        private bool _sawMojibake;    // a 3-4 byte sequence or a ranked guess: the text did go through 1254
        private int _lastReplacedEnd = -1;
        private int _lastReplacedCodePoint;

        public DecodedText Run()
        {
            ReadOnlySpan<char> span = _text;
            int i = 0;
            while (i < span.Length)
            {
                int next = span[i..].IndexOfAnyExceptInRange('\0', '\u007F');
                if (next < 0)
                {
                    break;
                }

                i += next;
                if (ByteOf(span[i]) == 0)
                {
                    i++;
                    continue;
                }

                int end = i + 1;
                while (end < span.Length && ByteOf(span[end]) != 0)
                {
                    end++;
                }

                RepairRun(i, end);
                i = end;
            }

            FlushLine();
            string result = _output is null ? _text : _output.Append(_text, _copied, _text.Length - _copied).ToString();
            if (_unresolved.Count > 0 && _sawMojibake)
            {
                result = ReplaceUnresolved(result);
            }

            return new DecodedText(result, _repairs);
        }

        private void RepairRun(int start, int end)
        {
            AdvanceLine(start);
            Span<byte> present = stackalloc byte[4];
            int k = start;
            while (k < end)
            {
                byte lead = ByteOf(_text[k]);
                int length = SequenceLength(lead);
                if (length == 0)
                {
                    k++;
                    continue;
                }

                present[0] = lead;
                int available = 1;
                while (available < length && k + available < end && IsContinuation(ByteOf(_text[k + available])))
                {
                    present[available] = ByteOf(_text[k + available]);
                    available++;
                }

                if (available == length
                    && TryDecodeSequence(present[..length], out int codePoint)
                    && (length > 2 || IsPlausibleTwoByteResult(codePoint)))
                {
                    Replace(k, length, codePoint);
                    AddCertain(k, length);
                    _sawMojibake |= length > 2;
                    k += length;
                    continue;
                }

                if (available == length - 1 && length >= 3)
                {
                    byte following = k + available < end ? ByteOf(_text[k + available]) : (byte)0;
                    GapFill(k, present[..available], following);
                    k += available;
                    continue;
                }

                k++;
            }
        }

        /// <summary>A 3- or 4-byte sequence one byte short: restore it from the ranked table, or defer it.</summary>
        private void GapFill(int start, ReadOnlySpan<byte> present, byte following)
        {
            ReadOnlySpan<char> damaged = _text.AsSpan(start, present.Length);
            Dictionary<string, Damage>.AlternateLookup<ReadOnlySpan<char>> known = _damage.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!known.TryGetValue(damaged, out Damage? damage))
            {
                damage = Damage.Analyse(present);
                known[damaged] = damage;
            }

            if (damage.RankedChoice < 0)
            {
                int outputStart = (_output?.Length ?? 0) + (start - _copied);
                _unresolved.Add(new Unresolved(start, present.Length, _line, damage, outputStart));
                return;
            }

            // E2 80 + lost byte is ” (9D) or the zero width joiner (8D): a joiner sits between two emoji.
            bool joiner = damage.OffersJoiner && SequenceLength(following) == 4 && IsPictographic(PreviousCodePoint(start));
            int chosen = joiner ? ZeroWidthJoiner : damage.RankedChoice;
            _sawMojibake = true;
            Replace(start, present.Length, chosen);
            _guessesOnLine.Add(new TextRepair(_line, damage.MessageFor(chosen, damaged), IsGuess: true));
        }

        /// <summary>What one damaged byte sequence could have been; the same for every occurrence.</summary>
        private sealed class Damage
        {
            private string? _rankedMessage;
            private string? _joinerMessage;

            private Damage(int rankedChoice, bool offersJoiner, string candidates)
            {
                RankedChoice = rankedChoice;
                OffersJoiner = offersJoiner;
                Candidates = candidates;
            }

            /// <summary>The candidate ranked first in <see cref="RankedGuesses"/>; -1 when none is in it.</summary>
            public int RankedChoice { get; }

            public bool OffersJoiner { get; }

            /// <summary>The candidates for a message, in code point order.</summary>
            public string Candidates { get; }

            public static Damage Analyse(ReadOnlySpan<byte> present)
            {
                Span<byte> candidate = stackalloc byte[4];
                Span<int> found = stackalloc int[LostBytes.Length * 3];
                int count = 0;
                int length = present.Length + 1;
                for (int position = 1; position < length; position++)
                {
                    foreach (byte lost in LostBytes)
                    {
                        present[..position].CopyTo(candidate);
                        candidate[position] = lost;
                        present[position..].CopyTo(candidate[(position + 1)..]);
                        if (TryDecodeSequence(candidate[..length], out int codePoint) && !found[..count].Contains(codePoint))
                        {
                            found[count++] = codePoint;
                        }
                    }
                }

                Span<int> candidates = found[..count];
                candidates.Sort();
                int best = -1;
                int bestRank = int.MaxValue;
                foreach (int c in candidates)
                {
                    if (GuessRank.TryGetValue(c, out int rank) && rank < bestRank)
                    {
                        best = c;
                        bestRank = rank;
                    }
                }

                return new Damage(best, best >= 0 && candidates.Contains(ZeroWidthJoiner), ListCandidates(candidates));
            }

            public string MessageFor(int chosen, ReadOnlySpan<char> damaged)
            {
                ref string? cached = ref chosen == RankedChoice ? ref _rankedMessage : ref _joinerMessage;
                if (cached is null)
                {
                    StringBuilder message = new("a byte lost in re-encoding was restored as ", 160);
                    message.Append(Display(chosen)).Append(", a best guess for \"");
                    AppendVisible(message, damaged);
                    message.Append("\" among ").Append(Candidates);
                    cached = message.ToString();
                }

                return cached;
            }
        }

        private int PreviousCodePoint(int index)
        {
            if (index == _lastReplacedEnd)
            {
                return _lastReplacedCodePoint;
            }

            if (index == 0)
            {
                return 0;
            }

            char previous = _text[index - 1];
            return char.IsLowSurrogate(previous) && index >= 2 && char.IsHighSurrogate(_text[index - 2])
                ? char.ConvertToUtf32(_text[index - 2], previous)
                : previous;
        }

        private static string ListCandidates(ReadOnlySpan<int> candidates)
        {
            StringBuilder list = new();
            int hidden = 0;
            foreach (int candidate in candidates)
            {
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(candidate);
                if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Control)
                {
                    hidden++;
                    continue;
                }

                list.Append(list.Length == 0 ? "" : " ").Append(Shown(candidate));
            }

            if (hidden > 0)
            {
                list.Append(list.Length == 0 ? "" : " ").Append(CultureInfo.InvariantCulture, $"(and {hidden} unassigned or private-use)");
            }

            return list.ToString();
        }

        private void Replace(int start, int length, int codePoint)
        {
            _output ??= new StringBuilder(_text.Length);
            _output.Append(_text, _copied, start - _copied);
            Span<char> units = stackalloc char[2];
            _output.Append(units[..new Rune(codePoint).EncodeToUtf16(units)]);
            _copied = start + length;
            _lastReplacedEnd = start + length;
            _lastReplacedCodePoint = codePoint;
        }

        /// <summary>Notes the replacement just written; one that continues the previous one extends it.</summary>
        private void AddCertain(int start, int length)
        {
            int written = _lastReplacedCodePoint > 0xFFFF ? 2 : 1;
            int last = _certainOnLine.Count - 1;
            if (last >= 0 && _certainOnLine[last].Start + _certainOnLine[last].Length == start)
            {
                (int s, int l, int os, int ol) = _certainOnLine[last];
                _certainOnLine[last] = (s, l + length, os, ol + written);
                return;
            }

            _certainOnLine.Add((start, length, _output!.Length - written, written));
        }

        private void AdvanceLine(int index)
        {
            // Runs start at a Windows-1254 character, never at an LF: a CR right before one is a line break.
            int breaks = CountLineBreaks(_text.AsSpan(_lineCountedTo, index - _lineCountedTo), '\r', '\n');
            _lineCountedTo = index;
            if (breaks > 0)
            {
                FlushLine();
                _line += breaks;
            }
        }

        private void FlushLine()
        {
            if (_certainOnLine.Count == 1 && _certainOnLine[0].Length <= MaxShownChars)
            {
                // The same mojibake recurs line after line (✅ in every list): build its message once.
                ReadOnlySpan<char> original = _text.AsSpan(_certainOnLine[0].Start, _certainOnLine[0].Length);
                Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> known = _certainMessages.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!known.TryGetValue(original, out string? message))
                {
                    message = CertainMessage();
                    known[original] = message;
                }

                _repairs.Add(new TextRepair(_line, message, IsGuess: false));
                _certainOnLine.Clear();
            }
            else if (_certainOnLine.Count > 0)
            {
                _repairs.Add(new TextRepair(_line, CertainMessage(), IsGuess: false));
                _certainOnLine.Clear();
            }

            _repairs.AddRange(_guessesOnLine);
            _guessesOnLine.Clear();
        }

        private string CertainMessage()
        {
            StringBuilder message = new("mojibake repaired (UTF-8 that was read as Windows-1254): ", 160);
            for (int i = 0; i < _certainOnLine.Count && i < MaxListedPerLine; i++)
            {
                (int start, int length, int outputStart, int outputLength) = _certainOnLine[i];
                message.Append(i == 0 ? "\"" : ", \"");
                AppendVisible(message, _text.AsSpan(start, length));
                message.Append("\" → \"");
                AppendVisible(message, _output!.ToString(outputStart, Math.Min(outputLength, MaxShownChars + 1)));
                message.Append('"');
            }

            if (_certainOnLine.Count > MaxListedPerLine)
            {
                message.Append(CultureInfo.InvariantCulture, $" and {_certainOnLine.Count - MaxListedPerLine} more");
            }

            return message.ToString();
        }

        /// <summary>
        /// Sequences one byte short with no ranked candidate become U+FFFD, but only in text that shows
        /// mojibake elsewhere; in clean text they are genuine (<c>Koç’un</c> is E7 92 followed by ASCII).
        /// </summary>
        private string ReplaceUnresolved(string repaired)
        {
            StringBuilder result = new(repaired.Length);
            int from = 0;
            foreach (Unresolved u in _unresolved)
            {
                result.Append(repaired, from, u.OutputStart - from).Append('\uFFFD');
                from = u.OutputStart + u.Length;
                StringBuilder message = new("a byte lost in re-encoding could not be restored: \"");
                AppendVisible(message, _text.AsSpan(u.Start, u.Length));
                message.Append("\" was replaced by U+FFFD; no candidate (").Append(u.Damage.Candidates)
                    .Append(") is in the table of characters tracking documents use");
                _repairs.Add(new TextRepair(u.Line, message.ToString(), IsGuess: true));
            }

            result.Append(repaired, from, repaired.Length - from);
            List<TextRepair> ordered = [.. _repairs.OrderBy(r => r.Line)];
            _repairs.Clear();
            _repairs.AddRange(ordered);
            return result.ToString();
        }

        /// <summary>A span of _text left as it was, at <paramref name="OutputStart"/> in the output.</summary>
        private readonly record struct Unresolved(int Start, int Length, int Line, Damage Damage, int OutputStart);
    }
}
