namespace PhaseTracker.Web.Features.Charts;

/// <summary>
/// How a priority looks in a chart: a colour from the Okabe–Ito palette (told apart with every
/// common colour-vision deficiency) and a shape of its own, so colour is never the only cue.
/// </summary>
public static class PriorityMarks
{
    /// <summary>P0 to P3, then "no priority".</summary>
    public static IReadOnlyList<int?> All { get; } = [0, 1, 2, 3, null];

    public static string Colour(int? priority) => priority switch
    {
        0 => "#D55E00",
        1 => "#E69F00",
        2 => "#0072B2",
        3 => "#009E73",
        _ => "#8C8C8C",
    };

    public static string Name(int? priority) => priority is >= 0 and <= 3 ? $"P{priority}" : "no priority";

    /// <summary>Priorities outside P0–P3 are drawn as "no priority".</summary>
    public static int? Normalize(int? priority) => priority is >= 0 and <= 3 ? priority : null;

    /// <summary>Draws the mark of <paramref name="priority"/> centred on (x, y), about 2 × <paramref name="size"/> across.</summary>
    public static void Write(SvgWriter svg, int? priority, double x, double y, double size, string? cssClass = null)
    {
        var colour = Colour(priority);
        switch (Normalize(priority))
        {
            case 0:
                Path(svg, $"M{N(x)},{N(y - (size * 1.2))}L{N(x + (size * 1.15))},{N(y + (size * 0.85))}L{N(x - (size * 1.15))},{N(y + (size * 0.85))}Z", colour, cssClass);
                break;
            case 1:
                Path(svg, $"M{N(x)},{N(y - (size * 1.25))}L{N(x + (size * 1.25))},{N(y)}L{N(x)},{N(y + (size * 1.25))}L{N(x - (size * 1.25))},{N(y)}Z", colour, cssClass);
                break;
            case 2:
                svg.Element("rect", ("x", x - (size * 0.9)), ("y", y - (size * 0.9)), ("width", size * 1.8), ("height", size * 1.8),
                    ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", 1), ("class", cssClass));
                break;
            case 3:
                svg.Element("circle", ("cx", x), ("cy", y), ("r", size), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", 1), ("class", cssClass));
                break;
            default:
                svg.Element("circle", ("cx", x), ("cy", y), ("r", size * 0.85), ("fill", "#ffffff"), ("stroke", colour), ("stroke-width", 2), ("class", cssClass));
                break;
        }
    }

    private static void Path(SvgWriter svg, string data, string colour, string? cssClass) =>
        svg.Element("path", ("d", data), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", 1), ("class", cssClass));

    private static string N(double value) => SvgWriter.Number(value);
}
