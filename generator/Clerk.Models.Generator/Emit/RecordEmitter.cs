using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits an object schema as a sealed record: init-only properties backed by fields, a presence bit
/// per member (absent and <c>null</c> stay different), the unknown members it was read with, and a
/// nested converter (<see cref="RecordConverterEmitter"/>) that reads and writes it in one pass.
/// </summary>
internal static class RecordEmitter
{
    /// <summary>Writes the type into the namespace block of its file.</summary>
    public static void Write(SourceWriter writer, EmitContext context, RecordModel record)
    {
        var members = record.Properties.Select((p, i) => new Member(p, i)).ToList();

        // Every public type has docs: a project that generates its XML docs would warn (CS1591) otherwise.
        CSharpText.WriteSummary(writer, string.IsNullOrWhiteSpace(record.Description) ? "The " + record.Name + " object of the spec." : record.Description);
        CSharpText.WriteSource(writer, context, record);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + context.Qualified(record.Name) + "." + EmittedNames.ConverterClass + "))]");
        if (record.ObsoleteMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + CSharpText.Literal(record.ObsoleteMessage) + ")]");
        }

        writer.OpenBlock(context.Accessibility + " sealed partial record " + record.Name);
        WriteFields(writer, context, members);
        WriteConstructors(writer, record);
        WriteProperties(writer, context, record, members);
        WritePresence(writer, record, members);
        WriteMemberEnum(writer, record, members);
        RecordConverterEmitter.Write(writer, context, record, members);
        writer.CloseBlock();
    }

    private static void WriteFields(SourceWriter writer, EmitContext context, List<Member> members)
    {
        foreach (var member in members)
        {
            var nullable = member.Property.IsCSharpNullable;

            // A required member's field is set by its property's init accessor, which the compiler insists on.
            var initializer = nullable || context.IsValueType(member.Property.Type) ? string.Empty : " = default!";
            writer.Line("private " + context.TypeName(member.Property.Type, nullable) + " " + member.Field + initializer + ";");
        }

        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            writer.Line("private ulong " + EmittedNames.PresenceField(word) + ";");
        }

        writer.Line("private " + AdditionalPropertiesType + "? " + EmittedNames.AdditionalPropertiesField + ";");
        writer.Line();
    }

    private static void WriteConstructors(SourceWriter writer, RecordModel record)
    {
        writer.Line("/// <summary>Creates a record; set its members with an object initializer.</summary>");
        writer.Line("public " + record.Name + "() { }");
        writer.Line();

        // The converter sets the fields as it reads them, and refuses a payload that lacks a required one.
        writer.Line("#pragma warning disable CS8618 // Required members are set by the converter, not here.");
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.Line("private " + record.Name + "(" + EmitContext.Serialization + ".Uninitialized uninitialized) { }");
        writer.Line("#pragma warning restore CS8618");
        writer.Line();
    }

    private static void WriteProperties(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members)
    {
        foreach (var member in members)
        {
            var property = member.Property;
            CSharpText.WriteSummary(writer, property.Description);
            var required = property.IsRequired && context.Features.SupportsRequiredMembers ? "required " : string.Empty;

            // C# refuses [Obsolete] on a required member (CS9042): the spec's requirement wins and the deprecation goes into the docs.
            var obsolete = property.ObsoleteMessage is not null && required.Length == 0;
            var deprecatedNote = property.ObsoleteMessage is not null && !obsolete ? " Deprecated." : string.Empty;
            writer.Line("/// <remarks>JSON: <c>" + EscapeXml(property.JsonName) + "</c>, " + Describe(property) + "." + deprecatedNote + "</remarks>");
            if (obsolete)
            {
                writer.Line("[global::System.Obsolete(" + CSharpText.Literal(property.ObsoleteMessage!) + ")]");
            }

            // A JSON null reads back as a null reference, so RawJson.Null is stored as one: a value equals its round trip.
            var stored = property.Type.Kind == TypeKind.RawJson && property.IsCSharpNullable
                ? "value == " + EmitContext.Runtime + ".RawJson.Null ? null : value"
                : "value";
            writer.Line("public " + required + context.TypeName(property.Type, property.IsCSharpNullable) + " " + CSharpText.Identifier(property.Name)
                + " { get => " + member.Field + "; init { " + member.Field + " = " + stored + "; " + member.PresenceWord + " |= " + member.Bit + "; } }");
            writer.Line();
        }

        writer.Line("/// <summary>Members the payload carried that the spec does not describe, kept so that they are written back.</summary>");
        // An empty map is stored as null, so that setting one keeps the record equal to one never given any.
        writer.Line("public " + AdditionalPropertiesType + " " + record.AdditionalPropertiesName
            + " { get => " + EmittedNames.AdditionalPropertiesField + " ?? " + AdditionalPropertiesType + ".Empty; init => "
            + EmittedNames.AdditionalPropertiesField + " = value is { Count: > 0 } ? value : null; }");
        writer.Line();
    }

    private static string Describe(PropertyModel property)
        => (property.IsRequired ? "required" : "optional")
            + (property.IsRequired && !property.IsRequiredWhenRead ? " (may be absent when read)" : string.Empty)
            + (property.IsNullable ? ", nullable" : string.Empty);

    private static void WritePresence(SourceWriter writer, RecordModel record, List<Member> members)
    {
        var enumName = record.MemberEnumName;
        writer.Line("/// <summary>Whether <paramref name=\"member\"/> was read (even as <c>null</c>) or set; absent members are not written.</summary>");
        if (members.Count == 0)
        {
            writer.Line("public bool IsPresent(" + enumName + " member) => false;");
            writer.Line();
            return;
        }

        writer.Line("public bool IsPresent(" + enumName + " member) => (uint)member < " + Number(members.Count) + " && " + PresenceTest("", "(int)member", members.Count) + ";");
        writer.Line();

        // Members a payload may omit: the optional ones, and with RequiredMembers=lenient the required ones too.
        var optional = members.Where(m => !m.Property.IsRequiredWhenRead).ToList();
        var requiredEnforced = !members.Any(m => m.Property.IsRequired && !m.Property.IsRequiredWhenRead);
        writer.Line("/// <summary>A copy of this record in which the " + (requiredEnforced ? "optional " : string.Empty) + "<paramref name=\"member\"/> is absent, so that it is not written.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"member\"/> is "
            + (requiredEnforced ? "required by the spec" : "not a member of this record") + ".</exception>");
        var outOfRange = "throw new global::System.ArgumentOutOfRangeException(nameof(member), member, "
            + (requiredEnforced ? "\"Only optional members can be absent.\"" : "\"Not a member of " + record.Name + ".\"") + ")";
        if (optional.Count == 0)
        {
            writer.Line("public " + record.Name + " Without(" + enumName + " member) => " + outOfRange + ";");
            writer.Line();
            return;
        }

        writer.OpenBlock("public " + record.Name + " Without(" + enumName + " member)");
        writer.Line("var copy = this with { };");
        writer.OpenBlock("switch (member)");
        foreach (var member in optional)
        {
            writer.Line("case " + enumName + "." + member.Property.Name + ": copy." + member.Field + " = default; break;");
        }

        writer.Line("default: " + outOfRange + ";");
        writer.CloseBlock();
        writer.Line();
        WritePresenceUpdate(writer, "copy.", "(int)member", members.Count, set: false);
        writer.Line("return copy;");
        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>An expression: whether the bit of member <paramref name="index"/> is set in <paramref name="target"/>'s presence words.</summary>
    private static string PresenceTest(string target, string index, int memberCount)
    {
        if (EmittedNames.PresenceWords(memberCount) == 1)
        {
            return "(" + target + EmittedNames.PresenceField(0) + " & (1UL << " + index + ")) != 0";
        }

        // Word by word: (index < 64 ? word0 : index < 128 ? word1 : ...) tested at (index % 64).
        var words = Enumerable.Range(0, EmittedNames.PresenceWords(memberCount)).ToList();
        var word = string.Join(" : ", words.Take(words.Count - 1).Select(w => index + " < " + Number((w + 1) * 64) + " ? " + target + EmittedNames.PresenceField(w)))
            + " : " + target + EmittedNames.PresenceField(words.Count - 1);
        return "((" + word + ") & (1UL << (" + index + " % 64))) != 0";
    }

    /// <summary>Statements that set (or clear) the bit of member <paramref name="index"/> in <paramref name="target"/>'s presence words.</summary>
    internal static void WritePresenceUpdate(SourceWriter writer, string target, string index, int memberCount, bool set)
    {
        var words = EmittedNames.PresenceWords(memberCount);
        string Update(int word, string bit)
            => target + EmittedNames.PresenceField(word) + (set ? " |= " : " &= ~") + "(1UL << " + bit + ");";
        if (words == 1)
        {
            writer.Line(Update(0, index));
            return;
        }

        for (var word = 0; word < words; word++)
        {
            var bit = word == 0 ? index : "(" + index + " - " + Number(word * 64) + ")";
            var statement = "{ " + Update(word, bit) + " }";
            writer.Line(word == 0 ? "if (" + index + " < 64) " + statement
                : word < words - 1 ? "else if (" + index + " < " + Number((word + 1) * 64) + ") " + statement
                : "else " + statement);
        }
    }

    private static void WriteMemberEnum(SourceWriter writer, RecordModel record, List<Member> members)
    {
        // A record without members has no Without to point at.
        writer.Line("/// <summary>The members of <see cref=\"" + record.Name + "\"/>, for <see cref=\"IsPresent\"/>"
            + (members.Count == 0 ? string.Empty : " and <see cref=\"Without\"/>") + ".</summary>");
        writer.OpenBlock("public enum " + record.MemberEnumName);
        foreach (var member in members)
        {
            writer.Line("/// <summary><c>" + EscapeXml(member.Property.JsonName) + "</c></summary>");
            writer.Line(member.Property.Name + ",");
        }

        writer.CloseBlock();
        writer.Line();
    }

    internal static string AdditionalPropertiesType => EmitContext.Runtime + ".ValueMap<" + EmitContext.Runtime + ".RawJson>";

    internal static string EscapeXml(string text) => string.Join(" ", CSharpText.XmlDocLines(text));

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A property with the names the emitted code uses for it.</summary>
    internal sealed class Member
    {
        public Member(PropertyModel property, int index)
        {
            Property = property;
            Index = index;
            Field = property.FieldName;
            PresenceWord = EmittedNames.PresenceField(index / 64);
            Bit = "0x" + (1UL << (index % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL";
        }

        public PropertyModel Property { get; }

        /// <summary>The member's position in declaration order: its case in the read switch, its name in the table.</summary>
        public int Index { get; }

        /// <summary>The backing field.</summary>
        public string Field { get; }

        /// <summary>The field that holds this member's presence bit.</summary>
        public string PresenceWord { get; }

        /// <summary>This member's bit in <see cref="PresenceWord"/>, as a C# literal.</summary>
        public string Bit { get; }

        /// <summary>The converter's local for the presence word, while the record is written.</summary>
        public string PresenceLocal => EmittedNames.PresenceLocal(Index / 64);
    }
}
