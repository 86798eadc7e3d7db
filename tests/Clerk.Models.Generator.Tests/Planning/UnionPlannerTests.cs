using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Planning;
using Xunit;

namespace Clerk.Models.Generator.Tests.Planning;

/// <summary>
/// The rules of README's "How a union picks its alternative", checked on models built by hand: the
/// planner sees no spec, so each rule is tested on its own.
/// </summary>
public class UnionPlannerTests
{
    private static readonly UnionPlan Unplanned = new(null, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty, true, EquatableArray<string>.Empty);

    [Fact]
    public void Clerks_verification_union_is_decided_by_strategy_alone()
    {
        // EmailAddress.verification: OTP, Admin, FromOAuth and Ticket, told apart by 'strategy'.
        var union = Union("EmailAddressVerification",
            Object("OTP", Required("status"), Required("strategy"), OneOf("status", "unverified", "verified"), OneOf("strategy", "phone_code", "email_code", "reset_password_email_code")),
            Object("Admin", Required("status"), Required("strategy"), OneOf("status", "verified"), OneOf("strategy", "admin")),
            Object("FromOAuth", Required("status"), Required("strategy"), OneOf("status", "unverified", "verified"), Pattern("strategy", "^from_oauth_(?:.*)$")),
            Object("Ticket", Required("status"), Required("strategy"), OneOf("status", "unverified", "verified"), OneOf("strategy", "ticket")));

        var plan = UnionPlanner.Plan(union);

        Assert.Equal(ObjectSelectionKind.ByMember, plan.Objects!.Kind);
        Assert.Equal("strategy", plan.Objects.MemberJsonName);
        // Plain values first, in spec order; the pattern, a regular expression, last.
        Assert.Equal(new[] { "OTP", "Admin", "Ticket", "FromOAuth" }, plan.Objects.Candidates.Select(c => c.CaseName));
        Assert.All(plan.Objects.Candidates, c => Assert.Equal("strategy", Assert.Single(c.Checks).PropertyJsonName));
        Assert.Equal(new[] { "^from_oauth_(?:.*)$" }, plan.Patterns);
        Assert.True(plan.FallsBackToUnknown);
    }

    [Fact]
    public void A_member_whose_values_overlap_does_not_decide_and_the_most_specific_alternative_is_tried_first()
    {
        // 'status' is shared ("verified" in both); 'kind' is missing from one alternative.
        var union = Union("Shape",
            Object("Circle", Required("radius"), OneOf("status", "verified")),
            Object("Square", Required("side"), Required("unit"), OneOf("status", "verified", "failed")),
            Object("Triangle", Required("base"), OneOf("status", "failed")));

        var plan = UnionPlanner.Plan(union);

        Assert.Equal(ObjectSelectionKind.FirstMatch, plan.Objects!.Kind);
        Assert.Null(plan.Objects.MemberJsonName);
        // Square asks three things; Circle and Triangle two each and keep their spec order.
        Assert.Equal(new[] { "Square", "Circle", "Triangle" }, plan.Objects.Candidates.Select(c => c.CaseName));
    }

    [Fact]
    public void A_pattern_that_matches_another_alternatives_value_is_not_disjoint_from_it()
    {
        var union = Union("Strategy",
            Object("Oauth", OneOf("strategy", "oauth_google")),
            Object("FromOAuth", Pattern("strategy", "^oauth_")));

        Assert.Equal(ObjectSelectionKind.FirstMatch, UnionPlanner.Plan(union).Objects!.Kind);
    }

    [Fact]
    public void Two_patterns_are_never_taken_as_disjoint()
    {
        var union = Union("Strategy",
            Object("A", Pattern("strategy", "^a_")),
            Object("B", Pattern("strategy", "^b_")));

        var plan = UnionPlanner.Plan(union);

        Assert.Equal(ObjectSelectionKind.FirstMatch, plan.Objects!.Kind);
        Assert.Equal(new[] { "^a_", "^b_" }, plan.Patterns);
    }

    [Fact]
    public void An_alternative_that_asks_nothing_is_tried_last_and_ends_the_candidates()
    {
        var union = Union("Payload",
            Object("Anything"),
            Object("Named", Required("name")),
            Object("AlsoAnything"));

        var plan = UnionPlanner.Plan(union);

        Assert.Equal(new[] { "Named", "Anything" }, plan.Objects!.Candidates.Select(c => c.CaseName));
        Assert.Empty(plan.Objects.Candidates[1].Checks);
    }

    [Fact]
    public void Primitive_alternatives_are_tried_by_token_in_spec_order_and_raw_json_ends_the_search()
    {
        var union = Union("Value",
            Case("Boolean", TypeRef.Boolean),
            Case("Int64", TypeRef.Int64),
            Case("RawJson", TypeRef.RawJson),
            Case("String", TypeRef.String));

        var plan = UnionPlanner.Plan(union);

        Assert.Null(plan.Objects);
        Assert.Equal(new[] { "Boolean", "Int64", "RawJson" }, plan.Tokens);
        Assert.False(plan.FallsBackToUnknown);
    }

    [Fact]
    public void A_union_that_lists_itself_is_not_asked_for_itself()
    {
        var union = Union("Node", Case("Node", new TypeRef(TypeKind.Union, "Node"), unknownCase: "Unknown"), Object("Leaf", Required("value")));

        Assert.Empty(UnionPlanner.Plan(union).Probes);
    }

    [Fact]
    public void Unions_that_list_each_other_are_not_asked_for_each_other_but_other_unions_are()
    {
        var a = Union("A", Case("B", new TypeRef(TypeKind.Union, "B"), unknownCase: "Unknown"), Case("C", new TypeRef(TypeKind.Union, "C"), unknownCase: "Unknown"));
        var b = Union("B", Case("A", new TypeRef(TypeKind.Union, "A"), unknownCase: "Unknown"), Case("String", TypeRef.String));
        var c = Union("C", Case("Int64", TypeRef.Int64), Case("Boolean", TypeRef.Boolean));

        var planned = UnionPlanner.Plan(new[] { a, b, c }).ToDictionary(u => u.Name, u => u.Plan);

        Assert.Equal(new[] { "C" }, planned["A"].Probes);
        Assert.Empty(planned["B"].Probes);
        Assert.Empty(planned["C"].Probes);
    }

    [Fact]
    public void The_spec_discriminator_is_kept_in_the_plan()
    {
        var discriminator = new UnionDiscriminator("type", new[] { new DiscriminatorValue("cat", "Cat"), new DiscriminatorValue("dog", "Dog") }.ToEquatableArray());
        var union = Union("Pet", Object("Cat", Required("type")), Object("Dog", Required("type"))) with { Discriminator = discriminator };

        Assert.Equal(discriminator, UnionPlanner.Plan(union).Discriminator);
    }

    [Fact]
    public void Equal_unions_get_equal_plans()
    {
        UnionModel Make() => Union("Shape", Object("Circle", Required("radius")), Object("Square", Required("side")));

        var first = UnionPlanner.Plan(Make());
        var second = UnionPlanner.Plan(Make());

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    private static UnionModel Union(string name, params UnionCaseModel[] cases)
        => new(name, name, null, cases.ToEquatableArray(), "Unknown", null, Unplanned);

    private static UnionCaseModel Object(string name, params CaseCheck[] checks)
        => new(name, new TypeRef(TypeKind.Record, name), checks.ToEquatableArray());

    private static UnionCaseModel Case(string name, TypeRef type, string? unknownCase = null)
        => new(name, type, EquatableArray<CaseCheck>.Empty, UnknownCaseName: unknownCase);

    private static CaseCheck Required(string member) => new(CaseCheckKind.Required, member, EquatableArray<string>.Empty);

    private static CaseCheck OneOf(string member, params string[] values) => new(CaseCheckKind.OneOf, member, values.ToEquatableArray());

    private static CaseCheck Pattern(string member, string pattern) => new(CaseCheckKind.Pattern, member, new[] { pattern }.ToEquatableArray());
}
