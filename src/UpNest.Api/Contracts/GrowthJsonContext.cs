using System.Text.Json;
using System.Text.Json.Serialization;

namespace UpNest.Api.Contracts;

/// <summary>
/// Compile-time JSON code for the batch calculator. A 10,000-child answer is ~40,000 objects;
/// the generated writer skips the reflection-based converters (the batch time target in
/// docs/PERFORMANCE.md depends on it). Same shape as the API's other JSON: web names, nulls written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ZScoreRequest?[]))]
[JsonSerializable(typeof(ZScoreResultSet[]))]
public sealed partial class GrowthJsonContext : JsonSerializerContext;
