using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data;

/// <summary>
/// List and record fields (plan steps, consequences, the layout) live in one compact JSON text
/// column each: they are always read and written with their row, never queried inside.
/// </summary>
public static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new PlanStepJsonConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The column holds null where a {typeof(T).Name} was expected.");

    /// <summary>Maps the property to a JSON text column, compared by its JSON.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(new JsonValueConverter<T>(), new JsonValueComparer<T>()).IsRequired();

    internal static bool JsonEquals<T>(T? left, T? right) =>
        ReferenceEquals(left, right) || (left is not null && right is not null && Serialize(left) == Serialize(right));

    internal static int JsonHashCode<T>(T? value) => value is null ? 0 : Serialize(value).GetHashCode(StringComparison.Ordinal);

    internal static T? JsonSnapshot<T>(T? value) => value is null ? value : Deserialize<T>(Serialize(value));
}

public sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    value => JsonColumn.Serialize(value),
    json => JsonColumn.Deserialize<T>(json))
    where T : class;

public sealed class JsonValueComparer<T>() : ValueComparer<T>(
    (left, right) => JsonColumn.JsonEquals(left, right),
    value => JsonColumn.JsonHashCode(value),
    value => JsonColumn.JsonSnapshot(value)!)
    where T : class;

/// <summary>
/// <see cref="PlanStep"/> has two public constructors, which System.Text.Json will not choose between.
/// </summary>
internal sealed class PlanStepJsonConverter : JsonConverter<PlanStep>
{
    public override PlanStep Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A plan step is a JSON object.");
        }

        var text = "";
        List<string> subSteps = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "text":
                    text = reader.GetString() ?? "";
                    break;
                case "subSteps":
                    subSteps = JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [];
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PlanStep(text, subSteps);
    }

    public override void Write(Utf8JsonWriter writer, PlanStep value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("text", value.Text);
        if (value.SubSteps.Count > 0)
        {
            writer.WritePropertyName("subSteps");
            JsonSerializer.Serialize(writer, value.SubSteps, options);
        }

        writer.WriteEndObject();
    }
}
