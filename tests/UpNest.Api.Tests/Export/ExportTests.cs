using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using UpNest.Api.Tests.Infrastructure;
using UpNest.Api.Tests.Sharing;

namespace UpNest.Api.Tests.Export;

public sealed class ExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly UpNestFactory _factory = app.Factory;

    [Fact]
    public async System.Threading.Tasks.Task My_export_is_a_download_of_everything_I_can_access_and_is_audited()
    {
        var owner = await _factory.SignUpAsync();
        var viewer = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.1, lengthCm = 54.0 });
        await owner.ShareWithAsync(babyId, viewer, "viewer");

        var response = await viewer.Client.GetAsync("/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var export = await response.ReadJsonAsync();
        Assert.Equal(viewer.Id, export["profile"]!["id"]!.GetValue<string>());
        var baby = Assert.Single(export["babies"]!.AsArray())!;
        Assert.Equal("viewer", baby["baby"]!["role"]!.GetValue<string>());
        Assert.Equal(4.1, Assert.Single(baby["measurements"]!.AsArray())!["weightKg"]!.GetValue<double>());
        Assert.NotNull(baby["vaccinations"]);
        Assert.NotNull(baby["milestones"]);

        var mine = await viewer.Client.GetJsonAsync("/v1/me/audit");
        Assert.Contains(mine["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "export");
        var babyTrail = await owner.Client.GetJsonAsync($"/v1/babies/{babyId}/audit");
        Assert.Contains(babyTrail["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "export"
            && e["actorId"]!.GetValue<string>() == viewer.Id);
    }

    [Fact]
    public async System.Threading.Tasks.Task Csv_has_a_header_one_row_per_measurement_and_defuses_formulas()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        await owner.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.1, note = "=HYPERLINK(\"http://x\",\"a, b\")" });
        await owner.CreateMeasurementAsync(babyId, new { measuredOn = "2026-03-01", weightKg = 5.2, heightCm = 60.5, note = "fine" });

        var response = await owner.Client.GetAsync($"/v1/babies/{babyId}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("measurementId,measuredOn,weightKg,lengthCm,heightCm,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",2026-02-01,4.1,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2026-03-01,5.2,,60.5,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Fhir_export_is_a_valid_R4_collection_with_loinc_ucum_and_cvx()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync(name: "Mia", sex: "female", dateOfBirth: "2026-01-15", extra: new { country = "US" })).Id();
        await owner.CreateMeasurementAsync(babyId, new { measuredOn = "2026-02-01", weightKg = 4.1, lengthCm = 54.0, headCircumferenceCm = 37.5 });
        var dose = await owner.Client.PostAsJsonAsync($"/v1/babies/{babyId}/vaccinations",
            new { vaccine = "HepB", doseNumber = 1, givenOn = "2026-01-16", cvx = "08" });
        Assert.True(dose.IsSuccessStatusCode, await dose.Content.ReadAsStringAsync());

        var response = await owner.Client.GetAsync($"/v1/babies/{babyId}/export?format=fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync());

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var byUrl = bundle.Entry.ToDictionary(e => e.FullUrl!, e => e.Resource);
        var patient = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Patient>());
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
        Assert.Equal("2026-01-15", patient.BirthDate);
        Assert.Equal("Mia", patient.Name.Single().Text);

        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Equal(4, observations.Count); // weight, length, head circumference, BMI
        var expected = new Dictionary<string, string> { ["29463-7"] = "kg", ["8306-3"] = "cm", ["9843-4"] = "cm", ["39156-5"] = "kg/m2" };
        foreach (var observation in observations)
        {
            var coding = observation.Code.Coding.Single();
            Assert.Equal("http://loinc.org", coding.System);
            var quantity = Assert.IsType<Quantity>(observation.Value);
            Assert.Equal("http://unitsofmeasure.org", quantity.System);
            Assert.Equal(expected[coding.Code!], quantity.Code);
            Assert.Equal("2026-02-01", Assert.IsType<FhirDateTime>(observation.Effective).Value);
            Assert.Same(patient, byUrl[observation.Subject!.Reference!]);
        }
        Assert.Equal(4.1m, observations.Single(o => o.Code.Coding[0].Code == "29463-7").Value is Quantity q ? q.Value : null);

        var immunization = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Immunization>());
        Assert.Equal("http://hl7.org/fhir/sid/cvx", immunization.VaccineCode.Coding.Single().System);
        Assert.Equal("08", immunization.VaccineCode.Coding.Single().Code);
        Assert.Equal("2026-01-16", Assert.IsType<FhirDateTime>(immunization.Occurrence).Value);
        Assert.Same(patient, byUrl[immunization.Patient!.Reference!]);
    }

    [Fact]
    public async System.Threading.Tasks.Task Baby_exports_are_audited_and_other_formats_are_refused()
    {
        var owner = await _factory.SignUpAsync();
        var babyId = (await owner.CreateBabyAsync()).Id();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/babies/{babyId}/export")).StatusCode);
        await (await owner.Client.GetAsync($"/v1/babies/{babyId}/export?format=xml")).AssertProblemAsync(HttpStatusCode.BadRequest, "format");

        var trail = await owner.Client.GetJsonAsync($"/v1/babies/{babyId}/audit");
        var actions = trail["items"]!.AsArray().Select(e => (e!["action"]!.GetValue<string>(), e["outcome"]!.GetValue<string>())).ToList();
        Assert.Equal([("export", "failed"), ("export", "success")], actions.Take(2).ToArray());
    }
}
