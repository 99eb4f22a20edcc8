using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes;
using SgLambda.Emulators.Kubernetes.Cel;

namespace SgLambda.Emulators.Tests.Kubernetes.Cel;

public class CelInterpreterTests
{
    private static object Evaluate(string expression, string self = "{}") =>
        CelEvaluator.Evaluate(CelParser.Parse(expression, "self"), JsonNode.Parse(self));

    [TestCase("self.a == 1", """{"a": 1}""", true)]
    [TestCase("self.a.b == 'x'", """{"a": {"b": "x"}}""", true)]
    [TestCase("has(self.a)", """{"a": null}""", true)]
    [TestCase("has(self.a)", """{}""", false)]
    [TestCase("has(self.a.b)", """{"a": {}}""", false)]
    [TestCase("'TCP' == 6", "{}", false)]
    [TestCase("self.p == 'TCP' || self.p == 6", """{"p": 6}""", true)]
    [TestCase("self.p != 'TCP' && self.p != 6", """{"p": "UDP"}""", true)]
    [TestCase("1 == 1.0", "{}", true)]
    [TestCase("self.order == 1000000.0", """{"order": 1000000}""", true)]
    [TestCase("self.order < 1000.5", """{"order": 1000}""", true)]
    [TestCase("size('ünï') == 3", "{}", true)]
    [TestCase("size(self.l) == 2 && self.l.size() == 2", """{"l": [1, 2]}""", true)]
    [TestCase("size(self) == 2", """{"a": 1, "b": 2}""", true)]
    [TestCase("self.l.exists(x, x > 2)", """{"l": [1, 3]}""", true)]
    [TestCase("self.l.all(x, x > 2)", """{"l": [1, 3]}""", false)]
    [TestCase("self.l.exists_one(x, x > 0)", """{"l": [1, 3]}""", false)]
    [TestCase("self.l.all(x, x.exists(y, y == 'a'))", """{"l": [["a"], ["b", "a"]]}""", true)]
    [TestCase("self.name == 'a' ? self.x == 1 : true", """{"name": "b"}""", true)]
    [TestCase("'a' in ['b', 'a'] && !(3 in [1, 2])", "{}", true)]
    [TestCase("'k' in self", """{"k": 0}""", true)]
    [TestCase("self.l[1] == 'b'", """{"l": ["a", "b"]}""", true)]
    [TestCase("1 + 2 * 3 - 4 / 2 == 5 && 7 % 4 == 3", "{}", true)]
    [TestCase("'a' + 'b' == 'ab' && -(1) == -1", "{}", true)]
    [TestCase("'global()'.contains('global(') && 'abc'.startsWith('ab') && 'abc'.endsWith('bc')", "{}", true)]
    [TestCase("'it\\'s' == \"it's\" && r'a\\n' != 'a\\n' && '\\x41' == 'A'", "{}", true)]
    [TestCase("true || self.missing", "{}", true)]
    [TestCase("self.missing || true", "{}", true)]
    [TestCase("self.missing && false", "{}", false)]
    [TestCase("'a' < 'b' && false < true && 2u > 1", "{}", true)]
    [TestCase("[1, 2] == [1, 2] && self.m == self.n", """{"m": {"a": [1]}, "n": {"a": [1]}}""", true)]
    [TestCase("null == null && self.a != null", """{"a": 1}""", true)]
    public void Evaluates_as_CEL_does(string expression, string self, bool expected)
    {
        Assert.That(Evaluate(expression, self), Is.EqualTo(expected));
    }

    [Test]
    public void Reads_numbers_whatever_backs_the_JSON_value()
    {
        var self = new JsonObject { ["int"] = 5, ["byte"] = (byte)6, ["double"] = 1000000.0, ["decimal"] = 1.5m };

        Assert.That(CelEvaluator.Evaluate(CelParser.Parse("self.int == 5 && self.byte == 6 && self.double == 1000000 && self.decimal == 1.5", "self"), self), Is.True);
    }

    [TestCase("self.missing == 1", "no such key: missing")]
    [TestCase("self.missing || false", "no such key: missing")]
    [TestCase("self.l.exists(x, x.missing)", "no such key: missing")]
    [TestCase("!1", "no such overload: !_(int)")]
    [TestCase("1 + 1.0", "no such overload: _+_(int, double)")]
    [TestCase("1 < 'a'", "no such overload: _<_(int, string)")]
    [TestCase("size(1)", "no such overload: size(int)")]
    [TestCase("9223372036854775807 + 1", "integer overflow")]
    [TestCase("1 / 0", "division by zero")]
    [TestCase("[1][2]", "index out of bounds: 2")]
    [TestCase("'a'.b", "type 'string' does not support field selection")]
    public void Reports_runtime_errors_as_CEL_does(string expression, string message)
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate(expression, """{"l": [{}]}"""));

        Assert.That(error.Message, Is.EqualTo(message));
    }

    [TestCase("int(self.a) == 1", "undeclared reference to 'int'")]
    [TestCase("other.a == 1", "undeclared reference to 'other'")]
    [TestCase("self.l.map(x, x + 1) == [2]", "found no matching overload for 'map'")]
    [TestCase("has(self)", "invalid argument to has() macro")]
    [TestCase("self.a ==", "Syntax error: unexpected end of rule")]
    [TestCase("self.a = 1", "Syntax error: token recognition error at: '='")]
    [TestCase("'open", "Syntax error: unterminated string literal")]
    public void Rejects_what_it_cannot_run_when_parsing(string expression, string message)
    {
        var error = Assert.Throws<CelCompileException>(() => CelParser.Parse(expression, "self"));

        Assert.That(error.Message, Does.StartWith(message));
    }

    [TestCase("oldSelf == self", null, "transition rules (oldSelf) are not supported")]
    [TestCase("self.a > 0", "'a: ' + string(self.a)", "messageExpression is not supported")]
    public void Rejects_rule_features_it_does_not_implement(string rule, string? messageExpression, string message)
    {
        var error = Assert.Throws<CelCompileException>(() => CelRule.Compile(rule, null, messageExpression, null, null));

        Assert.That(error.Message, Does.StartWith(message));
    }

    [FsCheck.NUnit.Property]
    public Property Comparisons_of_JSON_integers_agree_with_arithmetic()
    {
        var longs = ArbMap.Default.ArbFor<long>();
        return Prop.ForAll(longs, longs, (a, b) =>
        {
            var self = new JsonObject { ["a"] = a, ["b"] = b }.ToJsonString();
            return Evaluate("self.a < self.b", self) is bool less && less == (a < b)
                && Evaluate("self.a == self.b", self) is bool equal && equal == (a == b);
        });
    }

    [FsCheck.NUnit.Property]
    public Property De_Morgan_and_commutativity_hold_even_when_a_side_is_an_error()
    {
        // With p missing, "self.p" is an error; CEL's && and || still decide when the other side does.
        var booleans = ArbMap.Default.ArbFor<bool>();
        return Prop.ForAll(booleans, booleans, booleans, (p, q, pMissing) =>
        {
            var self = pMissing ? new JsonObject { ["q"] = q } : new JsonObject { ["p"] = p, ["q"] = q };
            object Outcome(string expression)
            {
                try
                {
                    return CelEvaluator.Evaluate(CelParser.Parse(expression, "self"), self);
                }
                catch (CelEvaluationException)
                {
                    return "error";
                }
            }
            return Equals(Outcome("!(self.p && self.q)"), Outcome("!self.p || !self.q"))
                && Equals(Outcome("self.p || self.q"), Outcome("self.q || self.p"));
        });
    }

    [FsCheck.NUnit.Property]
    public Property Size_counts_unicode_code_points()
    {
        return Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), text =>
        {
            var value = text.Get;
            return Evaluate("size(self.s)", new JsonObject { ["s"] = value }.ToJsonString()) is long size && size == value.EnumerateRunes().Count();
        });
    }

    [Test]
    public void A_failing_rule_is_reported_with_the_error_type_its_reason_names()
    {
        var schema = StructuralSchema.From(JsonNode.Parse("""
            {
              "type": "object",
              "properties": { "a": { "type": "object", "properties": { "x": { "type": "integer" } } } },
              "x-kubernetes-validations": [
                { "rule": "has(self.a)", "message": "a is required", "reason": "FieldValueRequired" },
                { "rule": "!has(self.b)", "message": "b is forbidden", "reason": "FieldValueForbidden", "fieldPath": ".b" },
                { "rule": "self.a.x > 0" },
                { "rule": "self.z == 1", "message": "z must be 1" },
                { "rule": "self.n == 'x'", "message": "n must be x" }
              ]
            }
            """)!.AsObject(), "");

        var errors = CelRuleValidator.Validate(JsonNode.Parse("""{"b": 1, "n": 1}"""), schema).Select(error => error.ToString());

        Assert.That(errors, Is.EqualTo(new[]
        {
            "<nil>: Required value: a is required",
            "b: Forbidden: b is forbidden",
            "<nil>: Invalid value: \"object\": no such key: a evaluating rule: self.a.x > 0",
            "<nil>: Invalid value: \"object\": no such key: z evaluating rule: z must be 1",
            "<nil>: Invalid value: \"object\": n must be x",
        }));
    }
}
