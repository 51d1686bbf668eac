using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using UpNest.Core.Babies;
using UpNest.Core.Export;
using UpNest.Core.Measurements;
using UpNest.Core.Vaccinations;

namespace UpNest.Api.Export;

/// <summary>
/// A baby's record as a FHIR R4 collection Bundle: the Patient, one vital-signs Observation per
/// measured value (LOINC codes, UCUM units) and one Immunization per given dose (CVX). The
/// export is for the family, so the Patient carries the baby's name.
/// </summary>
public static class FhirExport
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public static Bundle Build(BabyExport export, DateTimeOffset now)
    {
        var baby = export.Baby;
        var patientUrl = Urn("patient", baby.Id);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now, Id = Guid(("bundle", baby.Id + now.ToUnixTimeSeconds())) };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = patientUrl, Resource = Patient(baby) });
        foreach (var m in export.Measurements)
        {
            foreach (var observation in Observations(m, patientUrl))
            {
                bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn("observation", observation.Id!), Resource = observation });
            }
        }
        foreach (var dose in export.Doses.Where(d => d.Given is not null))
        {
            var immunization = Immunization(dose, patientUrl);
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn("immunization", immunization.Id!), Resource = immunization });
        }
        return bundle;
    }

    private static Patient Patient(Baby baby) => new()
    {
        Id = baby.Id,
        Gender = baby.Sex == Sex.Male ? AdministrativeGender.Male : AdministrativeGender.Female,
        BirthDate = baby.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Name = [new HumanName { Text = baby.Name, Use = HumanName.NameUse.Usual }],
    };

    private static IEnumerable<Observation> Observations(Measurement m, string patientUrl)
    {
        if (m.WeightKg is { } kg)
        {
            yield return Observation(m, patientUrl, "weight", "29463-7", "Body weight", kg, "kg", "kg");
        }
        if (m.LengthHeightCm is { } cm)
        {
            var standing = m.Position == LengthPosition.Standing;
            yield return standing
                ? Observation(m, patientUrl, "height", "8302-2", "Body height", cm, "cm", "cm")
                : Observation(m, patientUrl, "length", "8306-3", "Body height --lying", cm, "cm", "cm");
        }
        if (m.HeadCircumferenceCm is { } head)
        {
            yield return Observation(m, patientUrl, "head", "9843-4", "Head Occipital-frontal circumference", head, "cm", "cm");
        }
        if (m.WeightKg is { } w && m.LengthHeightCm is { } l and > 0)
        {
            var bmi = Math.Round(w / Math.Pow(l / 100, 2), 2);
            yield return Observation(m, patientUrl, "bmi", "39156-5", "Body mass index (BMI) [Ratio]", bmi, "kg/m2", "kg/m2");
        }
    }

    private static Observation Observation(Measurement m, string patientUrl, string kind, string loinc, string display,
        double value, string unit, string ucum) => new()
    {
        Id = $"{m.Id}-{kind}",
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept(ObservationCategory, "vital-signs", "Vital Signs")],
        Code = new CodeableConcept(Loinc, loinc, display, null),
        Subject = new ResourceReference(patientUrl),
        Effective = new FhirDateTime(m.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Value = new Quantity { Value = (decimal)value, Unit = unit, System = Ucum, Code = ucum },
    };

    private static Immunization Immunization(VaccinationDose dose, string patientUrl)
    {
        var given = dose.Given!;
        var code = given.Cvx is { Length: > 0 } cvx
            ? new CodeableConcept(Cvx, cvx, null, dose.Vaccine)
            : new CodeableConcept { Text = dose.Vaccine };
        return new Immunization
        {
            Id = Safe(dose.Id),
            Status = Hl7.Fhir.Model.Immunization.ImmunizationStatusCodes.Completed,
            VaccineCode = code,
            Patient = new ResourceReference(patientUrl),
            Occurrence = new FhirDateTime(given.GivenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            PrimarySource = true,
            LotNumber = given.LotNumber,
            ProtocolApplied = [new Immunization.ProtocolAppliedComponent { DoseNumber = new PositiveInt(dose.DoseNumber) }],
        };
    }

    /// <summary>Stable fullUrls: the same record gets the same urn in every export.</summary>
    private static string Urn(string kind, string id) => "urn:uuid:" + Guid((kind, id));

    private static string Guid((string Kind, string Id) key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key.Kind + ":" + key.Id))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5-style name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>FHIR ids allow letters, digits, '-' and '.'; dose ids like "HepB.1" already fit.</summary>
    private static string Safe(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
}
