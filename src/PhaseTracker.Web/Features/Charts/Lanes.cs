namespace PhaseTracker.Web.Features.Charts;

/// <summary>
/// Rows inside a band of a chart, each holding horizontal spans that must not touch: a mark with its
/// label goes into the first row where its span is free, so labels never run into each other.
/// </summary>
public sealed class Lanes(int maxLanes, double gap)
{
    private readonly List<List<(double Start, double End)>> _lanes = [];

    public int Count => _lanes.Count;

    /// <summary>The row the span went into, or null when every row (up to the limit) is taken there.</summary>
    public int? TryPlace(double start, double end)
    {
        for (var lane = 0; lane < _lanes.Count; lane++)
        {
            if (IsFree(_lanes[lane], start, end))
            {
                _lanes[lane].Add((start, end));
                return lane;
            }
        }

        if (_lanes.Count < maxLanes)
        {
            _lanes.Add([(start, end)]);
            return _lanes.Count - 1;
        }

        return null;
    }

    /// <summary>Adds the span to row <paramref name="lane"/> if it is free there.</summary>
    public bool TryAdd(int lane, double start, double end)
    {
        if (lane >= _lanes.Count || !IsFree(_lanes[lane], start, end))
        {
            return false;
        }

        _lanes[lane].Add((start, end));
        return true;
    }

    /// <summary>Places the span even where it overlaps: in the row where it covers the fewest others.</summary>
    public int Force(double start, double end)
    {
        if (_lanes.Count == 0)
        {
            _lanes.Add([]);
        }

        var best = 0;
        var fewest = int.MaxValue;
        for (var lane = 0; lane < _lanes.Count; lane++)
        {
            var overlaps = _lanes[lane].Count(span => span.Start < end + gap && start < span.End + gap);
            if (overlaps < fewest)
            {
                (best, fewest) = (lane, overlaps);
            }
        }

        _lanes[best].Add((start, end));
        return best;
    }

    private bool IsFree(List<(double Start, double End)> lane, double start, double end) =>
        lane.TrueForAll(span => span.End + gap <= start || end + gap <= span.Start);
}
