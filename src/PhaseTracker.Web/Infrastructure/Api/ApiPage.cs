namespace PhaseTracker.Web.Infrastructure.Api;

/// <summary>
/// One page of a list, with what a script needs to take the next: <c>?page=&amp;pageSize=</c> (up to
/// <see cref="MaxPageSize"/>, so a whole phase fits in one call), and the total.
/// </summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public static class ApiPaging
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>The page and size asked for, brought into range (page from 1, size 1 to 1,000).</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
