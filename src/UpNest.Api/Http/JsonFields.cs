using System.Globalization;
using System.Text.Json;
using UpNest.Core.Common;

namespace UpNest.Api.Http;

/// <summary>
/// Reads a JSON object field by field with merge-patch meaning (absent = unchanged, null = clear),
/// collecting a field error for each wrong type instead of failing on the first.
/// </summary>
public sealed class JsonFields
{
    private readonly JsonElement _root;
    private readonly Type _declaredType;
    private readonly IReadOnlySet<string> _declared;

    private JsonFields(JsonElement root, Type declaredType, IReadOnlySet<string> declared)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("body", "The body must be a JSON object.");
        }
        _root = root;
        _declaredType = declaredType;
        _declared = declared;
    }

    /// <summary>A reader limited to the fields of the body type the route declares (see <see cref="JsonBody{TRequest}"/>).</summary>
    public static JsonFields Declared(JsonElement root, Type declaredType, IReadOnlySet<string> declared) => new(root, declaredType, declared);

    public ValidationErrors Errors { get; } = new();

    public Optional<string> String(string name, int maxLength = 4000)
    {
        if (!TryGet(name, out var value))
        {
            return default;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Optional<string>.Of(null);
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(name, "Must be a string.");
            return default;
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            Errors.Add(name, $"Must have at most {maxLength} characters.");
            return default;
        }
        return Optional<string>.Of(text);
    }

    public Optional<double?> Number(string name)
    {
        if (!TryGet(name, out var value))
        {
            return default;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            return Optional<double?>.Of(null);
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Errors.Add(name, "Must be a number.");
            return default;
        }
        return Optional<double?>.Of(number);
    }

    public Optional<int?> Integer(string name)
    {
        var number = Number(name);
        if (number.Value is { } n && (n != Math.Floor(n) || n < int.MinValue || n > int.MaxValue))
        {
            Errors.Add(name, "Must be a whole number.");
            return default;
        }
        return number.IsSet ? Optional<int?>.Of(number.Value is { } v ? (int)v : null) : default;
    }

    public Optional<bool?> Boolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return default;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => Optional<bool?>.Of(null),
            JsonValueKind.True => Optional<bool?>.Of(true),
            JsonValueKind.False => Optional<bool?>.Of(false),
            _ => Invalid<bool?>(name, "Must be true or false."),
        };
    }

    public Optional<DateOnly?> Date(string name)
    {
        var text = String(name, 10);
        if (!text.IsSet || text.Value is null)
        {
            return text.IsSet ? Optional<DateOnly?>.Of(null) : default;
        }
        return DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Optional<DateOnly?>.Of(date)
            : Invalid<DateOnly?>(name, "Must be a date as yyyy-MM-dd.");
    }

    /// <summary>An enum from its API spelling (e.g. "male", "shared-decision").</summary>
    public Optional<T?> Enum<T>(string name, IReadOnlyDictionary<string, T> values) where T : struct
    {
        var text = String(name, 64);
        if (!text.IsSet || text.Value is null)
        {
            return text.IsSet ? Optional<T?>.Of(null) : default;
        }
        return values.TryGetValue(text.Value, out var parsed)
            ? Optional<T?>.Of(parsed)
            : Invalid<T?>(name, $"Must be one of: {string.Join(", ", values.Keys)}.");
    }

    private bool TryGet(string name, out JsonElement value) =>
        _declared.Contains(name)
            ? _root.TryGetProperty(name, out value)
            // A programming error, not a client one: the OpenAPI document would not show this field.
            : throw new InvalidOperationException($"The handler reads '{name}', which {_declaredType.Name} does not declare.");

    private Optional<T> Invalid<T>(string name, string message)
    {
        Errors.Add(name, message);
        return default;
    }
}
