using SgLambda.Core.Admission;

namespace SgLambda.Core.Tests.Admission;

public class SecurityGroupIdTests
{
    [TestCase("sg-12345678", true)]
    [TestCase("sg-0123456789abcdef0", true)]
    [TestCase("sg-12345678901234", true)]
    [TestCase("sg-1234567", false)]
    [TestCase("sg-0123456789abcdef01", false)]
    [TestCase("sg-0ABCDEF12", false)]
    [TestCase("sg-1234567g", false)]
    [TestCase(" sg-12345678", false)]
    [TestCase("SG-12345678", false)]
    [TestCase("12345678", false)]
    [TestCase("", false)]
    public void Ids_are_sg_dash_and_8_to_17_lowercase_hex_digits(string text, bool valid) =>
        Assert.That(SecurityGroupId.IsValid(text), Is.EqualTo(valid));
}
