using System.Text.Json;
using System.Text.Json.Serialization;

namespace UpNest.Api.Http;

/// <summary>The API's JSON settings, in one place so the benchmarks read bodies exactly as the API does.</summary>
public static class ApiJson
{
    /// <summary>Options as the API reads and writes JSON, for code outside the host (benchmarks, tests).</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}
