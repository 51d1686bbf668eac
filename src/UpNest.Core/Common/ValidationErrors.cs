namespace UpNest.Core.Common;

/// <summary>Collects field errors so one response can name every problem at once.</summary>
public sealed class ValidationErrors
{
    // Created on the first error: most requests are valid, and batch scoring checks thousands of items.
    private Dictionary<string, List<string>>? _errors;

    public bool IsEmpty => _errors is null;

    public void Add(string field, string error)
    {
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }
        list.Add(error);
    }

    /// <summary>The errors by field, as a problem response reports them.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors?.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal) ?? new Dictionary<string, string[]>(StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ValidationException(ToDictionary());
        }
    }
}
