using System.Globalization;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits a <c>oneOf</c> as an abstract record with one sealed case per alternative and an
/// <c>Unknown</c> case that keeps a value no alternative fits, as raw JSON.
/// </summary>
internal static class UnionEmitter
{
    private const string Json = EmitContext.Json;
    private const string Runtime = EmitContext.Runtime;
    private const string Serialization = EmitContext.Serialization;

    /// <summary>Writes the type into the namespace block of its file.</summary>
    public static void Write(SourceWriter writer, EmitContext context, UnionModel union)
    {
        var type = context.Qualified(union.Name);

        CSharpText.WriteSummary(writer, union.Description ?? "One of several alternatives. Switch on the case to get the value.");
        CSharpText.WriteSource(writer, context, union);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type + "." + EmittedNames.ConverterClass + "))]");
        writer.OpenBlock(context.Accessibility + " abstract partial record " + union.Name);
        // Private: the cases below are the only ones.
        writer.Line("private " + union.Name + "() { }");
        writer.Line();

        foreach (var @case in union.Cases)
        {
            writer.Line("/// <summary>The payload is a <see cref=\"" + CrefOf(context, @case.Type) + "\"/>.</summary>");
            writer.Line("public sealed partial record " + @case.CaseName + "(" + context.TypeName(@case.Type) + " Value) : " + type + ";");
            writer.Line();
        }

        writer.Line("/// <summary>The payload fits none of the alternatives; it is kept exactly as it was sent.</summary>");
        writer.Line("public sealed partial record " + union.UnknownCaseName + "(" + Runtime + ".RawJson Json) : " + type + ";");
        writer.Line();

        // Conversions make building a union read like assigning the alternative: one per C# type that
        // only one case holds, and none from the union itself, which C# does not allow (CS0555).
        var convertible = union.Cases
            .Where(c => !IsUnionItself(union, c.Type))
            .GroupBy(c => context.TypeName(c.Type))
            .Where(g => g.Count() == 1)
            .Select(g => g.First());
        foreach (var @case in convertible)
        {
            writer.Line("/// <summary>Wraps a <see cref=\"" + CrefOf(context, @case.Type) + "\"/> as the <see cref=\"" + @case.CaseName + "\"/> case.</summary>");
            writer.Line("public static implicit operator " + type + "(" + context.TypeName(@case.Type) + " value) => new " + @case.CaseName + "(value);");
            writer.Line();
        }

        WriteConverter(writer, context, union, type);
        writer.CloseBlock();
    }

    private static bool IsUnionItself(UnionModel union, TypeRef type)
        => type.Kind == TypeKind.Union && type.Namespace is null && type.Name == union.Name;

    private static string CrefOf(EmitContext context, TypeRef type) => type.Kind switch
    {
        TypeKind.Record or TypeKind.Enum or TypeKind.Union => context.Qualified(type),
        TypeKind.Array => Runtime + ".ValueList{T}",
        TypeKind.Map => Runtime + ".ValueMap{TValue}",
        TypeKind.Bytes => Runtime + ".ValueList{T}",
        _ => context.TypeName(type),
    };

    private static void WriteConverter(SourceWriter writer, EmitContext context, UnionModel union, string type)
    {
        var plan = union.Plan;
        writer.Line("/// <summary>Reads <see cref=\"" + union.Name + "\"/> by looking ahead at what tells the alternatives apart, and writes the case's value.</summary>");
        writer.OpenBlock(EmitContext.ConverterDeclaration(type));

        for (var i = 0; i < plan.Patterns.Count; i++)
        {
            // A match timeout keeps a hostile payload from stalling the reader.
            writer.Line("private static readonly global::System.Text.RegularExpressions.Regex " + EmittedNames.PatternField(i + 1)
                + " = new(" + CSharpText.Literal(plan.Patterns[i]) + ", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
        }

        if (plan.Patterns.Count > 0)
        {
            writer.Line();
        }

        writer.Line("/// <summary>Reads the value at the reader's current token " + ReadSummary(plan.Discriminator) + ".</summary>");
        writer.OpenBlock("public static " + type + " ReadValue(ref " + Json + ".Utf8JsonReader reader, " + Json + ".JsonSerializerOptions options)");

        // null is not a value that fits no alternative: where the spec allows it, the member is nullable and never gets here.
        writer.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) { throw " + Serialization + ".JsonReadError.NullNotAllowed(); }");
        writer.Line();

        if (plan.Discriminator is { } discriminator)
        {
            WriteDiscriminator(writer, context, union, discriminator);
        }

        // Each probe reads a copy of the reader; when its union fits, the reader moves on to where the copy stopped.
        var index = 0;
        foreach (var @case in plan.Probes.Select(name => CaseNamed(union, name)))
        {
            var suffix = (++index).ToString(CultureInfo.InvariantCulture);
            writer.OpenBlock();
            writer.Line("var probe" + suffix + " = reader;");
            writer.Line("var inner" + suffix + " = " + context.ConverterOf(@case.Type) + ".ReadValue(ref probe" + suffix + ", options);");
            writer.Line("if (inner" + suffix + " is not " + context.Qualified(@case.Type) + "." + @case.UnknownCaseName + ") { reader = probe" + suffix + "; return new " + @case.CaseName + "(inner" + suffix + "); }");
            writer.CloseBlock();
            writer.Line();
        }

        if (plan.Objects is { } objects)
        {
            writer.OpenBlock("if (reader.TokenType == " + Json + ".JsonTokenType.StartObject)");
            WriteObjectSelection(writer, context, union, objects);
            writer.CloseBlock();
            writer.Line();
        }

        foreach (var @case in plan.Tokens.Select(name => CaseNamed(union, name)))
        {
            var read = "return new " + @case.CaseName + "(" + ValueCode.Read(context, @case.Type, acceptsNull: false) + ");";
            if (@case.Type.Kind == TypeKind.RawJson)
            {
                writer.Line(read);
                break;
            }

            writer.Line("if (" + TokenCondition(@case) + ") { " + read + " }");
        }

        if (plan.FallsBackToUnknown)
        {
            if (plan.Tokens.Count > 0)
            {
                writer.Line();
            }

            writer.Line("return new " + union.UnknownCaseName + "(" + Runtime + ".RawJson.Read(ref reader));");
        }

        writer.CloseBlock();
        writer.Line();
        WriteWriteValue(writer, context, union, type);
        writer.Line();
        EmitContext.WriteDirectConverter(writer, type);
        writer.CloseBlock();
    }

    private static string ReadSummary(UnionDiscriminator? discriminator) => discriminator switch
    {
        null => "as the first alternative it fits",
        { DecidesAlone: true } => "as the case its '" + string.Join(" ", CSharpText.XmlDocLines(discriminator.PropertyJsonName)) + "' names; any other value is the unknown case",
        _ => "as the alternative its '" + string.Join(" ", CSharpText.XmlDocLines(discriminator.PropertyJsonName)) + "' names, or without that member as the first alternative it fits",
    };

    /// <summary>A known discriminator value picks its case; an unknown one keeps the raw JSON; an absent one falls through to the structure.</summary>
    private static void WriteDiscriminator(SourceWriter writer, EmitContext context, UnionModel union, UnionDiscriminator discriminator)
    {
        writer.OpenBlock("if (reader.TokenType == " + Json + ".JsonTokenType.StartObject)");
        writer.Line("var discriminator = " + Serialization + ".JsonProbe.FindUtf8String(reader, " + CSharpText.Utf8Literal(discriminator.PropertyJsonName) + ");");
        foreach (var group in discriminator.Values.GroupBy(v => v.CaseName))
        {
            var @case = CaseNamed(union, group.Key);
            var condition = string.Join(" || ", group.Select(v => "discriminator.Is(" + CSharpText.Utf8Literal(v.Value) + ")"));
            writer.Line("if (" + condition + ") { return new " + @case.CaseName + "(" + ValueCode.Read(context, @case.Type, acceptsNull: false) + "); }");
        }

        // When the member alone decides, what follows the block is the unknown case already.
        if (!discriminator.DecidesAlone)
        {
            writer.Line("if (discriminator.HasValue) { return new " + union.UnknownCaseName + "(" + Runtime + ".RawJson.Read(ref reader)); }");
        }

        writer.CloseBlock();
        writer.Line();
    }

    private static void WriteObjectSelection(SourceWriter writer, EmitContext context, UnionModel union, ObjectSelection objects)
    {
        var patterns = union.Plan.Patterns;
        if (objects.Kind == ObjectSelectionKind.ByMember)
        {
            var property = objects.MemberJsonName!;
            writer.Line("// '" + SafeComment(property) + "' alone tells the alternatives apart.");
            writer.Line("var decider = " + Serialization + ".JsonProbe.FindUtf8String(reader, " + CSharpText.Utf8Literal(property) + ");");
            foreach (var candidate in objects.Candidates)
            {
                var @case = CaseNamed(union, candidate.CaseName);
                writer.Line("if (" + Condition(candidate.Checks[0], patterns) + ") { return new " + @case.CaseName + "(" + ValueCode.Read(context, @case.Type, acceptsNull: false) + "); }");
            }

            return;
        }

        var probeIndex = 0;
        foreach (var candidate in objects.Candidates)
        {
            var @case = CaseNamed(union, candidate.CaseName);
            var read = "return new " + @case.CaseName + "(" + ValueCode.Read(context, @case.Type, acceptsNull: false) + ");";
            if (candidate.Checks.Count == 0)
            {
                writer.Line(read);
                break;
            }

            var conditions = candidate.Checks.Select(check => CheckExpression(check, patterns, ref probeIndex));
            writer.Line("if (" + string.Join(" && ", conditions) + ") { " + read + " }");
        }
    }

    private static UnionCaseModel CaseNamed(UnionModel union, string caseName) => union.Cases.First(c => c.CaseName == caseName);

    private static void WriteWriteValue(SourceWriter writer, EmitContext context, UnionModel union, string type)
    {
        writer.Line("/// <summary>Writes the case's value; an unknown value is written back exactly as it was read.</summary>");
        writer.OpenBlock("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options)");
        writer.OpenBlock("switch (value)");
        var index = 0;
        foreach (var @case in union.Cases)
        {
            var local = "case" + (++index).ToString(CultureInfo.InvariantCulture);
            writer.Line("case " + @case.CaseName + " " + local + ": " + ValueCode.WriteValue(context, @case.Type, local + "." + EmittedNames.CaseValueProperty) + " break;");
        }

        writer.Line("case " + union.UnknownCaseName + " unknown: unknown." + EmittedNames.UnknownJsonProperty + ".WriteTo(writer); break;");
        writer.Line("default: throw new global::System.ArgumentException(\"Not a case of " + union.Name + ".\", nameof(value));");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string SafeComment(string text) => RecordEmitter.EscapeXml(text).Replace("*/", "* /");

    private static string Condition(CaseCheck check, EquatableArray<string> patterns) => check.Kind switch
    {
        CaseCheckKind.OneOf => string.Join(" || ", check.Values.Select(v => "decider.Is(" + CSharpText.Utf8Literal(v) + ")")),
        _ => "decider.HasValue && " + PatternField(check, patterns) + ".IsMatch(decider.Text()!)",
    };

    /// <summary>One check of the first-match selector, as an expression over a fresh look-ahead.</summary>
    private static string CheckExpression(CaseCheck check, EquatableArray<string> patterns, ref int probeIndex)
    {
        var name = CSharpText.Utf8Literal(check.PropertyJsonName);
        switch (check.Kind)
        {
            case CaseCheckKind.Required:
                return Serialization + ".JsonProbe.HasMember(reader, " + name + ")";
            case CaseCheckKind.OneOf:
                return "(" + Serialization + ".JsonProbe.FindString(reader, " + name + ") is null or " + string.Join(" or ", check.Values.Select(CSharpText.Literal)) + ")";
            default:
                var local = "text" + (++probeIndex).ToString(CultureInfo.InvariantCulture);
                return "(" + Serialization + ".JsonProbe.FindString(reader, " + name + ") is not { } " + local + " || " + PatternField(check, patterns) + ".IsMatch(" + local + "))";
        }
    }

    private static string PatternField(CaseCheck check, EquatableArray<string> patterns)
        => EmittedNames.PatternField(patterns.AsImmutableArray().IndexOf(check.Values[0]) + 1);

    private static string TokenCondition(UnionCaseModel @case) => @case.Type.Kind switch
    {
        TypeKind.Boolean => "reader.TokenType is " + Json + ".JsonTokenType.True or " + Json + ".JsonTokenType.False",
        TypeKind.Array => "reader.TokenType == " + Json + ".JsonTokenType.StartArray",
        TypeKind.Map => "reader.TokenType == " + Json + ".JsonTokenType.StartObject",
        TypeKind.RawJson => "true",

        // A number or a formatted string goes to the first alternative it fits, not just the first of its token type.
        TypeKind.Int32 => NumberCondition("TryGetInt32"),
        TypeKind.Int64 or TypeKind.UnixMilliseconds or TypeKind.UnixSeconds => NumberCondition("TryGetInt64"),
        TypeKind.Single => NumberCondition("TryGetSingle"),
        TypeKind.Double => NumberCondition("TryGetDouble"),
        TypeKind.Decimal => NumberCondition("TryGetDecimal"),
        TypeKind.DateTimeOffset => StringCondition("TryGetDateTimeOffset"),
        TypeKind.Guid => StringCondition("TryGetGuid"),
        TypeKind.Bytes => StringCondition("TryGetBytesFromBase64"),

        // An enum takes the token its values are made of: strings, numbers, or either.
        TypeKind.Enum => @case.EnumValues switch
        {
            EnumValueKind.Int32 => NumberCondition("TryGetInt32"),
            EnumValueKind.Int64 => NumberCondition("TryGetInt64"),
            EnumValueKind.Json => "reader.TokenType is " + Json + ".JsonTokenType.String or " + Json + ".JsonTokenType.Number",
            _ => "reader.TokenType == " + Json + ".JsonTokenType.String",
        },
        _ => "reader.TokenType == " + Json + ".JsonTokenType.String",
    };

    private static string NumberCondition(string tryGet) => "reader.TokenType == " + Json + ".JsonTokenType.Number && reader." + tryGet + "(out _)";

    private static string StringCondition(string tryGet) => "reader.TokenType == " + Json + ".JsonTokenType.String && reader." + tryGet + "(out _)";
}
