namespace PhaseTracker.Web.Features.Charts;

/// <summary>
/// Effort in hours across a chart on a square-root scale: efforts run from an hour to a few days, and
/// most items are small, so a square root gives the small ones room without hiding the large ones.
/// The domain runs from 0 to a round number a little above the largest effort.
/// </summary>
public sealed class EffortScale
{
    private const double MinTickSpacing = 36;

    public EffortScale(double largestHours, double left, double right)
    {
        Left = left;
        Right = right;
        Max = NiceCeiling(double.IsFinite(largestHours) ? Math.Max(largestHours, 0) * 1.1 : 0);
    }

    public double Left { get; }
    public double Right { get; }

    /// <summary>The hours at the right end of the axis.</summary>
    public double Max { get; }

    /// <summary>The hours halfway across: where "low effort" ends and "high effort" begins.</summary>
    public double MidHours => Max / 4;

    public double MidX => (Left + Right) / 2;

    public double X(double hours) => Left + ((Right - Left) * Math.Sqrt(Math.Clamp(hours, 0, Max) / Max));

    /// <summary>Round hours to label the axis with, at least <see cref="MinTickSpacing"/> pixels apart; 0 and the end always.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double> { 0 };
        foreach (var candidate in Candidates().TakeWhile(c => c < Max).Where(c => c >= 1 || Max <= 2))
        {
            if (X(candidate) - X(ticks[^1]) >= MinTickSpacing && X(Max) - X(candidate) >= MinTickSpacing)
            {
                ticks.Add(candidate);
            }
        }

        ticks.Add(Max);
        return ticks;
    }

    /// <summary>The smallest of 1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 30, 40 … that is at least <paramref name="value"/>.</summary>
    public static double NiceCeiling(double value) => Candidates().First(c => c >= (double.IsFinite(value) ? Math.Max(value, 1) : 1));

    private static IEnumerable<double> Candidates()
    {
        yield return 0.25;
        yield return 0.5;
        foreach (var hours in (double[])[1, 2, 3, 4, 5, 6, 8])
        {
            yield return hours;
        }

        double[] steps = [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8];
        for (double decade = 10; ; decade *= 10)
        {
            foreach (var step in steps)
            {
                yield return step * decade;
            }
        }
    }
}
