using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UpNest.Growth.Survey;
using UpNest.Growth.Tests.Reference;
using UpNest.Growth.ZScores;

namespace UpNest.Growth.Tests.Survey;

/// <summary>The CLI's UTF-8 scorer writes exactly what the text scorer writes, byte for byte.</summary>
public sealed class Utf8SurveyScorerTests
{
    /// <summary>SHA-256 of the scored shared igrowup survey as the text scorer wrote it before the UTF-8 path existed (commit eebf2b4).</summary>
    private const string SharedSurveyOutputSha256 = "2c65a27da4ad2923142ef8cd525d83b9bd905a00cd819359c5269d6acad3919e";

    private static async Task<byte[]> TextScorerAsync(byte[] input)
    {
        using var output = new MemoryStream();
        using (var reader = new StreamReader(new MemoryStream(input)))
        await using (var writer = new StreamWriter(output, leaveOpen: true))
        {
            await SurveyScorer.ScoreAsync(reader, writer);
        }
        return output.ToArray();
    }

    private static (byte[] Bytes, SurveyProgress Done) Utf8Scorer(byte[] input)
    {
        using var output = new MemoryStream();
        var done = SurveyScorer.Score(new MemoryStream(input), output);
        return (output.ToArray(), done);
    }

    [Fact]
    public async Task The_shared_igrowup_survey_scores_to_the_same_bytes_as_before()
    {
        var input = await File.ReadAllBytesAsync(IgrowupSurveyTests.File);

        var (bytes, done) = Utf8Scorer(input);

        Assert.Equal(SharedSurveyOutputSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(await TextScorerAsync(input), bytes);
        Assert.Equal(166, done.Rows);
    }

    [Fact]
    public async Task Awkward_rows_score_to_the_same_bytes_and_errors_as_the_text_scorer()
    {
        var csv = string.Join("\n",
            "\uFEFF\"id\",sex,agedays,agemons,dob,dov,weight,lengthheight,measure,oedema,headc,muac,triskin,subskin,note,\"id\"",
            "1,1,100,,,,6.2,62.5,l,n,41,13.5,9.1,7.3,\"a, \"\"quoted\"\" note\",x",
            "2,F,,12.5,,,9.1,75,H,yes,,,,,plain",
            "3,female,,,2024-01-15,2025-03-01,10.2,78.4,,,,,,,\r",
            "4,2,,,15-Jan-2020,1-Mar-2026,25.5,120,h,n,,,,,",
            "5,m,900,,,,  12.0 ,NA,.,,48,,,,",
            "6,male,400,,,,-0,1e2,l,0,,,,,",
            "7,1,200,,,,6.123456789012345678,65.0000000000001,l,n,,,,,",
            "8,1,200,,,,60,65,l,n,,,,,implausible",
            "9,3,200,,,,6,65,l,n,,,,,bad sex",
            "10,1,ten,,,,6,65,l,n,,,,,bad age",
            "11,1,200,,,,6,65,x,n,,,,,bad measure",
            "12,1,200,,,,6,65,l,maybe,,,,,bad oedema",
            "13,1,,,2024-13-01,2025-01-01,6,65,l,n,,,,,bad date",
            "14,2,300,,,,7.5,66,l,n,,,,,caf\u00e9 \u00fcber",
            "15,2,300,,,,7.5,66,l,n",
            "16,2,300,,,,7.5,66,l,n,,,,,,,extra,fields",
            "",
            "17,1,-5,,,,3,50,l,n,,,,,before birth",
            "18,2,6970,,,,55,163,h,n,,,,,19 years",
            "19,2,,228.99,,,55,163,h,n,,,,,",
            "20,2,,60.995,,,18,110,h,n,,,,,",
            "21,1,700,,,,10,110.04,l,n,,,,,",
            "22,1,1000,,,,30,95,h,y,,,,,oedema",
            "23,1,\"1,5\",,,,6,65,l,n,,,,,",
            "28,1,100,,,,6,62,\"l\",\"n\",,,,,a\"\"b\"c,d\"e,\"x\"\"\"\"\"",
            "24,1,150,,,,+6.5,6.5e1,l,n,,,,,\"unterminated") + "\r\n25,2,40,,,,4.1,55,l,n\r26,1,5,,,,3.1,49,l,n";
        var input = Encoding.UTF8.GetBytes(csv).Concat(new byte[] { (byte)'\n', (byte)'2', (byte)'7', (byte)',', 0xC3, (byte)',', (byte)'1' }).ToArray();

        var (bytes, done) = Utf8Scorer(input);

        Assert.Equal(Encoding.UTF8.GetString(await TextScorerAsync(input)), Encoding.UTF8.GetString(bytes));
        Assert.Equal(28, done.Rows);
        Assert.Equal(8, done.RowsWithErrors);
    }

    [Fact]
    public async Task Long_rows_across_the_read_buffer_and_a_crlf_split_between_reads_keep_the_same_bytes()
    {
        var header = "id,sex,agedays,weight,note";
        var rows = Enumerable.Range(0, 3000).Select(i => $"{i},{1 + i % 2},{i % 1800},{3 + i % 20 * 0.5},{new string('x', i % 7 == 0 ? 5000 : 10)}");
        var input = Encoding.UTF8.GetBytes(header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

        Assert.Equal(await TextScorerAsync(input), Utf8Scorer(input).Bytes);
    }

    [Fact]
    public void Numbers_parse_to_the_BCL_double_bit_for_bit()
    {
        var random = new Random(15);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 18);
            var text = (random.Next(4) == 0 ? "-" : "") + random.NextInt64(0, (long)Math.Pow(10, Math.Min(digits, 18))).ToString(CultureInfo.InvariantCulture);
            var point = random.Next(text.Length + 1);
            if (random.Next(3) > 0 && point > (text.StartsWith('-') ? 1 : 0)) text = text.Insert(point, ".");
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(Utf8Numbers.TryParse(Encoding.ASCII.GetBytes(text), out var actual), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        }
    }

    [Fact]
    public void Rounded_z_scores_format_as_ToString_0_00()
    {
        Span<byte> buffer = stackalloc byte[64];
        for (var k = -100_000; k <= 100_000; k++)
        {
            var rounded = WhoRounding.Round2(k / 100.0 + (k % 3 - 1) * 0.001);
            var written = Utf8Numbers.FormatHundredths(rounded, buffer);
            Assert.Equal(rounded.ToString("0.00", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer[..written]));
        }
    }

    [Fact]
    public void Lengths_and_BMIs_format_as_ToString_0_hash_hash_hash()
    {
        var random = new Random(7);
        Span<byte> buffer = stackalloc byte[512];
        double[] edges = [0.0005, 0.00049999999999999, 0.9995, 9.9995, 99.99995, 1e-7, 123456789012.3456, 67, 67.7, 110.199996948242, 16.0392065254291, 1e14 + 0.5];
        var values = edges.Concat(Enumerable.Range(0, 300_000).Select(i => (i % 4) switch
        {
            0 => random.NextDouble() * 200,
            1 => Math.Round(random.NextDouble() * 1200) / 10 + (i % 8 == 1 ? 0.7 : 0),
            2 => (float)(random.NextDouble() * 120),
            _ => Math.Round(random.NextDouble() * 40, random.Next(1, 8)) + random.Next(0, 2) * 0.00005,
        }));
        foreach (var value in values)
        {
            foreach (var (decimals, format) in new[] { (3, "0.###"), (4, "0.####") })
            {
                var written = Utf8Numbers.FormatDecimals(value, decimals, buffer);
                Assert.Equal(value.ToString(format, CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer[..written]));
            }
        }
    }
}
