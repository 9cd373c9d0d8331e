using System.Globalization;

namespace PhaseTracker.Web.Cli;

/// <summary>A command line that does not fit its verb's usage.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What a verb accepts: its positional arguments, its options with a value, its flags.</summary>
public sealed record VerbSyntax(string Verb, string Usage, string[] Positionals, string[] ValueOptions, string[] Flags);

/// <summary>A verb's arguments, parsed against its <see cref="VerbSyntax"/>.</summary>
public sealed class VerbArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private VerbArguments(VerbSyntax syntax) => Syntax = syntax;

    public VerbSyntax Syntax { get; }

    public string Positional(int index) => _positionals[index];

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public bool Flag(string flag) => _flags.Contains(flag);

    public int? Number(string option)
    {
        var value = Value(option);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Usage($"{option} takes a number, not '{value}'.");
    }

    public T Choice<T>(string option, T defaultValue)
        where T : struct, Enum
    {
        var value = Value(option);
        if (value is null)
        {
            return defaultValue;
        }

        return Enum.TryParse<T>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice) && !char.IsAsciiDigit(value[0])
            ? choice
            : throw Usage($"{option} takes {string.Join(" or ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not '{value}'.");
    }

    public static VerbArguments Parse(VerbSyntax syntax, IReadOnlyList<string> args)
    {
        var parsed = new VerbArguments(syntax);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                if (parsed._positionals.Count == syntax.Positionals.Length)
                {
                    throw parsed.Usage($"Unexpected argument '{arg}'.");
                }

                parsed._positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (syntax.Flags.Contains(name) && equals < 0)
            {
                parsed._flags.Add(name);
            }
            else if (syntax.ValueOptions.Contains(name))
            {
                string value;
                if (equals >= 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw parsed.Usage($"{name} needs a value.");
                }

                if (!parsed._values.TryAdd(name, value))
                {
                    throw parsed.Usage($"{name} is given twice.");
                }
            }
            else
            {
                throw parsed.Usage($"Unknown option '{name}'.");
            }
        }

        if (parsed._positionals.Count < syntax.Positionals.Length)
        {
            throw parsed.Usage($"{syntax.Positionals[parsed._positionals.Count]} is missing.");
        }

        return parsed;
    }

    private UsageException Usage(string problem) => new($"{problem} Usage: {Syntax.Usage}");
}
