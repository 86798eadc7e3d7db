using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>The format writers give back the text their readers accept, in the forms servers send.</summary>
public class JsonWriteTests
{
    [Theory]
    [InlineData("2024-05-01T12:30:00Z", "\"2024-05-01T12:30:00Z\"")]
    [InlineData("2024-05-01T12:30:00.1234567+00:00", "\"2024-05-01T12:30:00.1234567Z\"")]
    [InlineData("2024-05-01T12:30:00.5+02:00", "\"2024-05-01T12:30:00.5+02:00\"")]
    [InlineData("2024-05-01T12:30:00-05:30", "\"2024-05-01T12:30:00-05:30\"")]
    public void Instants_are_written_in_round_trip_form_with_Z_for_UTC(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        var written = Write(w => JsonWrite.DateTimeOffset(w, value));

        Assert.Equal(expected, written);
        Assert.Equal(value, TestJson.Read(written, JsonRead.DateTimeOffset));
    }

    [Fact]
    public void Identifiers_are_written_in_lower_case()
    {
        var value = Guid.Parse("3F2504E0-4F89-11D3-9A0C-0305E82C3301");

        Assert.Equal("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", Write(w => JsonWrite.Guid(w, value)));
    }

    [Fact]
    public void Bytes_are_written_as_base64_and_read_back_equal()
    {
        ValueList<byte> value = new byte[] { 0, 1, 254, 255, 42 };

        var written = Write(w => JsonWrite.Bytes(w, value));

        Assert.Equal("\"AAH+/yo=\"", written);
        Assert.Equal(value, TestJson.Read(written, JsonRead.Bytes));
    }

    [Fact]
    public void Unix_times_are_written_as_the_integers_they_were_read_from()
    {
        // Clerk sends *_at members as unix milliseconds.
        Assert.Equal("1714566600123", Write(w => JsonWrite.UnixMilliseconds(w, TestJson.Read("1714566600123", JsonRead.UnixMilliseconds))));
        Assert.Equal("1714566600", Write(w => JsonWrite.UnixSeconds(w, TestJson.Read("1714566600", JsonRead.UnixSeconds))));
        Assert.Equal("-1", Write(w => JsonWrite.UnixMilliseconds(w, TestJson.Read("-1", JsonRead.UnixMilliseconds))));
    }

#if !RUNTIME_WITHOUT_DATEONLY
    [Fact]
    public void Dates_are_written_as_year_month_day()
    {
        var value = new DateOnly(2024, 2, 29);

        var written = Write(w => JsonWrite.DateOnly(w, value));

        Assert.Equal("\"2024-02-29\"", written);
        Assert.Equal(value, TestJson.Read(written, JsonRead.DateOnly));
    }
#endif

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
