using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Testing;
using Xunit;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>The order examples are compared in: records' members in schema order, everything else as written.</summary>
public sealed class SchemaOrderTests
{
    private static readonly TypeRef Owner = new(TypeKind.Record, "Owner");

    private static readonly Dictionary<string, TypeModel> s_types = new()
    {
        ["Pet"] = Record("Pet", ("id", TypeRef.String), ("owners", TypeRef.ArrayOf(Owner)), ("tags", TypeRef.MapOf(Owner)), ("extra", TypeRef.RawJson)),
        ["Owner"] = Record("Owner", ("id", TypeRef.Int64), ("name", TypeRef.String)),
        ["Animal"] = new UnionModel(
            "Animal",
            "Animal",
            null,
            new[] { new UnionCaseModel("Pet", new TypeRef(TypeKind.Record, "Pet"), EquatableArray<CaseCheck>.Empty) }.ToEquatableArray(),
            "Unknown",
            null,
            new UnionPlan(null, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty, true, EquatableArray<string>.Empty)),
    };

    [Fact]
    public void Members_of_records_are_put_in_schema_order_and_unknown_members_after_them_in_their_order()
    {
        var order = new SchemaOrder(s_types, (_, _) => null);

        var (json, reordered) = order.Apply("""{"zz":1,"owners":[{"name":"a","id":1},{"id":2}],"id":"p","aa":{"y":1,"x":2}}""", new TypeRef(TypeKind.Record, "Pet"));

        Assert.Equal("""{"id":"p","owners":[{"id":1,"name":"a"},{"id":2}],"zz":1,"aa":{"y":1,"x":2}}""", json);
        Assert.Equal(new[] { "$", "$.owners[0]" }, reordered);
    }

    [Fact]
    public void Free_form_JSON_map_keys_and_values_that_fit_no_union_case_keep_the_examples_order()
    {
        var order = new SchemaOrder(s_types, (_, _) => null);
        const string Example = """{"id":"p","tags":{"b":{"id":1},"a":{"name":"n","id":2}},"extra":{"z":1,"a":2}}""";

        var (json, reordered) = order.Apply(Example, new TypeRef(TypeKind.Record, "Pet"));
        var (unknown, none) = order.Apply("""{"owners":[],"id":"p"}""", new TypeRef(TypeKind.Union, "Animal"));

        Assert.Equal("""{"id":"p","tags":{"b":{"id":1},"a":{"id":2,"name":"n"}},"extra":{"z":1,"a":2}}""", json);
        Assert.Equal(new[] { "$.tags.a" }, reordered);
        Assert.Equal("""{"owners":[],"id":"p"}""", unknown);
        Assert.Empty(none);
    }

    [Fact]
    public void A_union_value_is_ordered_as_the_case_it_reads_into()
    {
        var union = (UnionModel)s_types["Animal"];
        var order = new SchemaOrder(s_types, (_, name) => name == "Animal" ? union.Cases[0] : null);

        var (json, reordered) = order.Apply("""[{"owners":[],"id":"p"},null]""", TypeRef.ArrayOf(new TypeRef(TypeKind.Union, "Animal")));

        Assert.Equal("""[{"id":"p","owners":[]},null]""", json);
        Assert.Equal(new[] { "$[0]" }, reordered);
        Assert.Null(ExactJson.FindDifference("""[{"owners":[],"id":"p"},null]""", json));
    }

    private static RecordModel Record(string name, params (string JsonName, TypeRef Type)[] members)
        => new(
            name,
            name,
            null,
            null,
            members.Select(m => new PropertyModel(m.JsonName, m.JsonName, m.Type, IsRequired: false, IsRequiredWhenRead: false, IsNullable: true, null, null, "_" + m.JsonName)).ToEquatableArray(),
            "AdditionalProperties",
            "JsonMember");
}
