using BenchmarkDotNet.Attributes;
using UpNest.Growth;
using UpNest.Growth.Assessment;
using UpNest.Growth.Survey;

namespace UpNest.Benchmarks;

/// <summary>The WHO growth engine: one z-score, one child, one assessment, a batch of 10,000 children.</summary>
[MemoryDiagnoser]
// Min shows the uncontended cost when other work shares the two cores; Mean is what a busy host sees.
[MinColumn, MedianColumn]
public class GrowthBenchmarks
{
    private const int ZBatch = 1024;
    private const int Children = 10_000;

    private readonly int[] _ages = new int[ZBatch];
    private readonly double[] _weights = new double[ZBatch];
    private readonly GrowthInput[] _children = new GrowthInput[Children];
    private GrowthInput _child;
    private BabyProfile _baby = null!;
    private GrowthMeasurement[] _visits = [];
    private string _surveyCsv = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < ZBatch; i++)
        {
            _ages[i] = random.Next(0, 1857);
            _weights[i] = 3 + _ages[i] / 120.0 + random.NextDouble() * 3;
        }
        for (var i = 0; i < Children; i++)
        {
            var age = random.Next(0, 1857);
            _children[i] = new GrowthInput
            {
                Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                AgeDays = age,
                WeightKg = Math.Round(3.2 + age / 120.0 + random.NextDouble() * 2, 2),
                LengthHeightCm = Math.Round(50 + age / 30.0 - age * age / 250_000.0 + random.NextDouble() * 4, 1),
                Position = age < 731 ? MeasurementPosition.Recumbent : MeasurementPosition.Standing,
                HeadCircumferenceCm = Math.Round(34 + Math.Sqrt(age) / 3.2, 1),
                ArmCircumferenceCm = age >= 91 ? 14.5 : null,
                TricepsSkinfoldMm = age >= 91 ? 9.5 : null,
                SubscapularSkinfoldMm = age >= 91 ? 7.0 : null,
            };
        }
        _child = _children[0] with { AgeDays = 400, WeightKg = 9.6, LengthHeightCm = 76.5, HeadCircumferenceCm = 45.8 };

        _baby = new BabyProfile(Sex.Female, new DateOnly(2025, 1, 1), 35, 2);
        _visits = Enumerable.Range(0, 20).Select(i => new GrowthMeasurement(new DateOnly(2025, 1, 1).AddDays(7 + i * 30))
        {
            WeightKg = 2.6 + i * 0.45,
            LengthHeightCm = 47 + i * 1.6,
            Position = MeasurementPosition.Recumbent,
            HeadCircumferenceCm = 33 + i * 0.6,
        }).ToArray();

        var csv = new StringWriter();
        csv.Write("id,sex,agedays,weight,lengthheight,measure,oedema,headc,muac,triskin,subskin\n");
        for (var i = 0; i < Children; i++)
        {
            var c = _children[i];
            csv.Write(FormattableString.Invariant(
                $"{i},{(int)c.Sex},{c.AgeDays},{c.WeightKg},{c.LengthHeightCm},{(c.Position == MeasurementPosition.Recumbent ? "l" : "h")},n,{c.HeadCircumferenceCm},{c.ArmCircumferenceCm},{c.TricepsSkinfoldMm},{c.SubscapularSkinfoldMm}\n"));
        }
        _surveyCsv = csv.ToString();
    }

    /// <summary>One weight-for-age z-score; reported per z-score (1,024 different children per invocation).</summary>
    [Benchmark(OperationsPerInvoke = ZBatch, Baseline = true)]
    public double OneZScore()
    {
        var sum = 0.0;
        for (var i = 0; i < ZBatch; i++)
            sum += GrowthCalculator.ZScoreOrNaN(Indicator.WeightForAge, (i & 1) == 0 ? Sex.Male : Sex.Female, _ages[i], _weights[i]);
        return sum;
    }

    /// <summary>All indicators of one child (9 measurements), rounded, flagged, with percentiles.</summary>
    [Benchmark]
    public GrowthResult OneChildAllIndicators() => GrowthCalculator.Calculate(in _child);

    /// <summary>Latest values, classifications, trends, velocity and alerts for a baby with 20 visits.</summary>
    [Benchmark]
    public GrowthAssessment AssessmentOf20Measurements() => GrowthAssessor.Assess(_baby, _visits);

    /// <summary>10,000 children through the calculator (all their indicators).</summary>
    [Benchmark]
    public int Batch10000Children()
    {
        var computed = 0;
        foreach (ref readonly var child in _children.AsSpan())
            computed += GrowthCalculator.Calculate(in child).Results.Count;
        return computed;
    }

    /// <summary>10,000 children as a survey CSV, parsed, scored and written (in memory).</summary>
    [Benchmark]
    public async Task<long> Survey10000RowsCsv()
    {
        var output = new StringWriter();
        var done = await SurveyScorer.ScoreAsync(new StringReader(_surveyCsv), output);
        return done.Rows;
    }
}
