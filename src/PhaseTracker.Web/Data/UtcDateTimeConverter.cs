using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PhaseTracker.Web.Data;

/// <summary>Stores DateTimes as UTC and gives them back with <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
