using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>
/// The data-annotation rules of a form object and of the entries of its lists, checked outside model
/// binding and keyed by the JSON field's path (<c>title</c>, <c>blocks[0].endDay</c>): the API gives the
/// same messages as the form, after it has checked <c>If-Match</c>, which automatic validation would run
/// before.
/// </summary>
public static class FieldErrors
{
    public static Dictionary<string, string[]> Of(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Collect(model, "", errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Adds <paramref name="message"/> under <paramref name="key"/>.</summary>
    public static void Add(Dictionary<string, string[]> errors, string key, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors[key] = errors.TryGetValue(key, out var messages) ? [.. messages, message] : [message];
    }

    /// <summary>"Blocks[0].EndDay" as JSON names it: "blocks[0].endDay".</summary>
    public static string JsonPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
    }

    private static void Collect(object model, string prefix, Dictionary<string, List<string>> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var key = prefix + JsonPath(member);
                if (!errors.TryGetValue(key, out var messages))
                {
                    errors[key] = messages = [];
                }

                messages.Add(result.ErrorMessage ?? "This value is not valid.");
            }
        }

        foreach (var property in model.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string) || property.GetValue(model) is not IList list)
            {
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is { } entry && entry is not string && !entry.GetType().IsValueType)
                {
                    Collect(entry, $"{prefix}{JsonPath(property.Name)}[{i.ToString(CultureInfo.InvariantCulture)}].", errors);
                }
            }
        }
    }
}
