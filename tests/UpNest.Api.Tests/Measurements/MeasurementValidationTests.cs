using System.Globalization;
using System.Net;
using UpNest.Api.Tests.Infrastructure;

namespace UpNest.Api.Tests.Measurements;

/// <summary>Impossible values and malformed input: 400 naming the field, never 500, nothing stored.</summary>
public sealed class MeasurementValidationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    private async Task AssertRefusedAsync(string body, string field)
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-15")).Id();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, $"/v1/babies/{babyId}/measurements", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements"))["items"]!.AsArray());
    }

    [Fact]
    public Task A_measurement_before_birth_is_400() => AssertRefusedAsync("""{"measuredOn": "2026-01-14", "weightKg": 3.3}""", "measuredOn");

    [Fact]
    public Task A_measurement_in_the_future_is_400()
    {
        var future = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return AssertRefusedAsync($$"""{"measuredOn": "{{future}}", "weightKg": 5}""", "measuredOn");
    }

    [Fact]
    public Task A_measurement_without_a_date_is_400() => AssertRefusedAsync("""{"weightKg": 5}""", "measuredOn");

    [Fact]
    public Task A_measurement_without_any_value_is_400() => AssertRefusedAsync("""{"measuredOn": "2026-03-01"}""", "weightKg");

    [Theory]
    [InlineData("-3.2")]
    [InlineData("0")]
    [InlineData("900")]
    [InlineData("1e309")]
    public Task An_impossible_weight_is_400(string kg) => AssertRefusedAsync($$"""{"measuredOn": "2026-03-01", "weightKg": {{kg}}}""", "weightKg");

    [Fact]
    public Task An_impossible_length_is_400() => AssertRefusedAsync("""{"measuredOn": "2026-03-01", "lengthCm": 500}""", "lengthCm");

    [Fact]
    public Task An_impossible_head_circumference_is_400() =>
        AssertRefusedAsync("""{"measuredOn": "2026-03-01", "headCircumferenceCm": -1}""", "headCircumferenceCm");

    [Fact]
    public Task Length_and_height_together_are_400() =>
        AssertRefusedAsync("""{"measuredOn": "2026-03-01", "lengthCm": 55, "heightCm": 55}""", "lengthCm");

    [Fact]
    public Task Kilograms_and_pounds_together_are_400() =>
        AssertRefusedAsync("""{"measuredOn": "2026-03-01", "weightKg": 3.4, "weightLb": 7}""", "weightKg");

    [Fact]
    public Task Sixteen_ounces_are_400() => AssertRefusedAsync("""{"measuredOn": "2026-03-01", "weightLb": 7, "weightOz": 16}""", "weightOz");

    [Theory]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": "4.2"}""", "weightKg")]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": true}""", "weightKg")]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": [4.2]}""", "weightKg")]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": {"value": 4.2}}""", "weightKg")]
    [InlineData("""{"measuredOn": 20260301, "weightKg": 4.2}""", "measuredOn")]
    [InlineData("""{"measuredOn": "1 March 2026", "weightKg": 4.2}""", "measuredOn")]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": 4.2, "oedema": "no"}""", "oedema")]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": 4.2, "note": 7}""", "note")]
    public Task A_value_of_the_wrong_json_type_is_400(string body, string field) => AssertRefusedAsync(body, field);

    [Theory]
    [InlineData("""{"measuredOn": "2026-03-01", "weightKg": 4.2""")]
    [InlineData("""{"measuredOn": "2026-03-01", weightKg: 4.2}""")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_400_not_500(string body)
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync()).Id();

        var response = await user.Client.SendRawAsync(HttpMethod.Post, $"/v1/babies/{babyId}/measurements", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    public Task A_body_that_is_not_a_json_object_is_400(string body) => AssertRefusedAsync(body, "body");

    [Fact]
    public async Task A_patch_moving_a_measurement_before_birth_is_400_and_changes_nothing()
    {
        var user = await _factory.SignUpAsync();
        var babyId = (await user.CreateBabyAsync(dateOfBirth: "2026-01-15")).Id();
        var id = (await user.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 5 })).Id();

        var response = await user.Client.SendJsonAsync(HttpMethod.Patch, $"/v1/babies/{babyId}/measurements/{id}", new { measuredOn = "2025-12-31" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "measuredOn");
        Assert.Equal("2026-03-01", (await user.Client.GetJsonAsync($"/v1/babies/{babyId}/measurements/{id}"))["measuredOn"]!.GetValue<string>());
    }
}
