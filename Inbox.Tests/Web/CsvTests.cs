using Inbox.Web.Endpoints;

namespace Inbox.Tests.Web;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void Field_TextAFormulaCouldStartWith_IsPrefixedWithAnApostrophe(string text, string written) =>
        Assert.Equal(written, Csv.Field(text));

    [Theory]
    [InlineData("Ana Souza", "Ana Souza")]
    [InlineData("a=b", "a=b")]
    [InlineData("Smith, Jo", "\"Smith, Jo\"")]
    public void Field_OrdinaryText_IsKeptAsWritten(string text, string written) => Assert.Equal(written, Csv.Field(text));

    [Fact]
    public void Field_NegativeNumber_StaysANumber()
    {
        Assert.Equal("-3.5", Csv.Field(-3.5));
        Assert.Equal("-4", Csv.Field(-4));
    }
}
