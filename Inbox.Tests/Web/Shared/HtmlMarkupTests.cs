using System.Reflection;
using Inbox.Web.Components.Shared;
using MudBlazor;

namespace Inbox.Tests.Web.Shared;

/// <summary>
/// <see cref="HtmlMarkup.Trusted"/> writes markup as it is, so it takes an icon's SVG shapes and nothing else: text from a
/// customer or an agent passed there by mistake is refused rather than shown as HTML in every agent's tab.
/// </summary>
public sealed class HtmlMarkupTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<b onclick=x>Bold</b>",
        "Eve & Ann",
        "<script>alert(1)</script>",
        "<path d=\"M0 0h24v24H0z\" onload=\"alert(1)\"/>",
        "<path d='M0 0' ONMOUSEOVER='alert(1)'/>",
        "<a href=\"javascript:alert(1)\"><path d=\"M0 0\"/></a>",
        "<image href=\"https://evil.example/x.png\"/>",
        "<path d=\"M0 0\"/>and some text",
        "<path d=\"M0 0\" fill=none onfocus=x/>",
        "<!-- comment --><path d=\"M0 0\"/>",
        "<foreignObject><div>hi</div></foreignObject>",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Trusted_AnythingButSvgShapes_IsRefused(string markup)
    {
        Assert.Throws<ArgumentException>(() => new HtmlMarkup().Trusted(markup));
    }

    [Fact]
    public void Trusted_EveryMudBlazorIcon_IsWrittenAsItIs()
    {
        var icons = IconConstants(typeof(Icons)).ToList();
        Assert.True(icons.Count > 1000, $"only {icons.Count} icons found");

        var refused = icons.Where(icon => !Writes(icon.Value)).Select(icon => icon.Name).ToList();

        // Two of MudBlazor's 9.12 icons are not plain shapes, and the inbox shows neither: ChessBishop ends in a stray ">"
        // (text after its path), MedicationLiquid refers to its own parts through xlink:href.
        Assert.Equal(["MudBlazor.Icons+Custom+Uncategorized.ChessBishop", "MudBlazor.Icons+Material+TwoTone.MedicationLiquid"], refused.Order());
        Assert.Contains(Icons.Material.Outlined.CloudOff, SvgIcon.Write(new HtmlMarkup(), Icons.Material.Outlined.CloudOff).ToMarkup().Value);
    }

    private static bool Writes(string icon)
    {
        try
        {
            new HtmlMarkup().Trusted(icon);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<(string Name, string Value)> IconConstants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string) && f.GetValue(null) is string s && s.Contains('<'))
            .Select(f => ($"{type.FullName}.{f.Name}", (string)f.GetValue(null)!))
            .Concat(type.GetNestedTypes().SelectMany(IconConstants));
}
