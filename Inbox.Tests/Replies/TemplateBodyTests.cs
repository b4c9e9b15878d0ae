using Inbox.Core.Replies;

namespace Inbox.Tests.Replies;

public sealed class TemplateBodyTests
{
    private static readonly MessageTemplate OrderUpdate = new() { Name = "order_update", Language = "en_US", ParameterCount = 2, Body = "Hi {{1}}, your order {{2}} has an update." };

    [Fact]
    public void Render_AllValues_SubstitutesEveryPlaceholder() =>
        Assert.Equal("Hi Emma, your order #10422 has an update.", TemplateBody.Render(OrderUpdate.Body, ["Emma", "#10422"]));

    [Fact]
    public void Render_MissingValue_KeepsItsPlaceholder() =>
        Assert.Equal("Hi Emma, your order {{2}} has an update.", TemplateBody.Render(OrderUpdate.Body, ["Emma", " "]));

    [Fact]
    public void CheckParameters_SecondEmpty_NamesIt() =>
        Assert.Equal("Fill in parameter {{2}} of order_update.", TemplateBody.CheckParameters(OrderUpdate, ["Emma", ""])?.ToString());

    [Fact]
    public void CheckParameters_WrongCount_SaysHowManyItTakes() =>
        Assert.Contains("takes 2 parameter(s); 1 given", TemplateBody.CheckParameters(OrderUpdate, ["Emma"])?.ToString());

    [Fact]
    public void CheckParameters_AllFilled_Accepts() => Assert.Null(TemplateBody.CheckParameters(OrderUpdate, ["Emma", "#1"]));
}
