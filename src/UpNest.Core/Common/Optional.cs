namespace UpNest.Core.Common;

/// <summary>A PATCH field: absent (leave as is), or present with a value that may be null (clear it).</summary>
public readonly record struct Optional<T>(bool IsSet, T? Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T? value) => new(true, value);

    public T? Or(T? current) => IsSet ? Value : current;
}
