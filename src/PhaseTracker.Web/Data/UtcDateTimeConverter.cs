using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PhaseTracker.Web.Data;

/// <summary>
/// Stores DateTimes as UTC and gives them back with <see cref="DateTimeKind.Utc"/>. A value without a
/// kind is taken as UTC already: PostgreSQL's <c>timestamp with time zone</c> accepts only UTC ones.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
