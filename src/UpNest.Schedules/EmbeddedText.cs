namespace UpNest.Schedules;

/// <summary>Reads a generated resource embedded in this assembly.</summary>
internal static class EmbeddedText
{
    public static string Read(string resourceName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
