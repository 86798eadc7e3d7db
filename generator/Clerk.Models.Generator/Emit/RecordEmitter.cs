using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits an object schema as a sealed record: init-only properties backed by fields, a presence bit
/// per member (absent and <c>null</c> stay different), the unknown members it was read with, and a
/// nested converter that reads and writes it in one pass.
/// </summary>
internal static class RecordEmitter
{
    /// <summary>Writes the type into the namespace block of its file.</summary>
    public static void Write(SourceWriter writer, EmitContext context, RecordModel record)
    {
        var members = record.Properties.Select((p, i) => new Member(p, i)).ToList();

        CSharpText.WriteSummary(writer, record.Description);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + context.Qualified(record.Name) + ".JsonConverter))]");
        if (record.ObsoleteMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + CSharpText.Literal(record.ObsoleteMessage) + ")]");
        }

        writer.OpenBlock(context.Accessibility + " sealed partial record " + record.Name);
        WriteFields(writer, context, record, members);
        WriteProperties(writer, context, record, members);
        WritePresence(writer, record, members);
        WriteMemberEnum(writer, record, members);
        ConverterWriter.Write(writer, context, record, members);
        writer.CloseBlock();

    }

    private static void WriteFields(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members)
    {
        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            writer.Line("private ulong " + EmittedNames.PresenceField(word) + ";");
        }

        foreach (var member in members)
        {
            var nullable = member.Property.IsCSharpNullable;

            // A required member's field is set by its property's init accessor, which the compiler insists on.
            var initializer = nullable || context.IsValueType(member.Property.Type) ? string.Empty : " = default!";
            writer.Line("private " + context.TypeName(member.Property.Type, nullable) + " " + member.Field + initializer + ";");
        }

        writer.Line("private " + EmitContext.Runtime + ".ValueMap<" + EmitContext.Runtime + ".RawJson>? " + EmittedNames.AdditionalPropertiesField + ";");
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

            writer.OpenBlock("public " + required + context.TypeName(property.Type, property.IsCSharpNullable) + " " + CSharpText.Identifier(property.Name));
            writer.Line("get => " + member.Field + ";");
            // A JSON null reads back as a null reference, so RawJson.Null is stored as one: a value equals its round trip.
            var stored = property.Type.Kind == TypeKind.RawJson && property.IsCSharpNullable
                ? "value == " + EmitContext.Runtime + ".RawJson.Null ? null : value"
                : "value";
            writer.Line("init { " + member.Field + " = " + stored + "; " + member.PresenceWord + " |= " + member.Bit + "; }");
            writer.CloseBlock();
            writer.Line();
        }

        var map = EmitContext.Runtime + ".ValueMap<" + EmitContext.Runtime + ".RawJson>";
        writer.Line("/// <summary>");
        writer.Line("/// Members the payload carried that the spec does not describe, kept so that they are written back.");
        writer.Line("/// </summary>");
        writer.OpenBlock("public " + map + " " + record.AdditionalPropertiesName);
        writer.Line("get => " + EmittedNames.AdditionalPropertiesField + " ?? " + map + ".Empty;");
        writer.Line("init => " + EmittedNames.AdditionalPropertiesField + " = value is { Count: > 0 } ? value : null;");
        writer.CloseBlock();
        writer.Line();
    }

    private static string Describe(PropertyModel property)
        => (property.IsRequired ? "required" : "optional")
            + (property.IsRequired && !property.IsRequiredWhenRead ? " (may be absent when read)" : string.Empty)
            + (property.IsNullable ? ", nullable" : string.Empty);

    private static void WritePresence(SourceWriter writer, RecordModel record, List<Member> members)
    {
        var enumName = record.MemberEnumName;
        writer.Line("/// <summary>");
        writer.Line("/// Whether <paramref name=\"member\"/> is present: read from the payload (even as <c>null</c>)");
        writer.Line("/// or set when the record was created. Absent members are not written.");
        writer.Line("/// </summary>");
        if (members.Count == 0)
        {
            writer.Line("public bool IsPresent(" + enumName + " member) => false;");
            writer.Line();
            return;
        }

        if (EmittedNames.PresenceWords(members.Count) == 1)
        {
            writer.Line("public bool IsPresent(" + enumName + " member)");
            writer.Line("    => (uint)member < " + members.Count.ToString(CultureInfo.InvariantCulture) + " && (" + EmittedNames.PresenceField(0) + " & (1UL << (int)member)) != 0;");
        }
        else
        {
            writer.OpenBlock("public bool IsPresent(" + enumName + " member) => (int)member switch");
            for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
            {
                var first = word * 64;
                var last = System.Math.Min(members.Count, first + 64) - 1;
                writer.Line(">= " + first.ToString(CultureInfo.InvariantCulture) + " and <= " + last.ToString(CultureInfo.InvariantCulture)
                    + " => (" + EmittedNames.PresenceField(word) + " & (1UL << ((int)member - " + first.ToString(CultureInfo.InvariantCulture) + "))) != 0,");
            }

            writer.Line("_ => false,");
            writer.CloseBlock(";");
        }

        writer.Line();

        // Members a payload may omit: the optional ones, and with RequiredMembers=lenient the required ones too.
        var optional = members.Where(m => !m.Property.IsRequiredWhenRead).ToList();
        var requiredEnforced = !members.Any(m => m.Property.IsRequired && !m.Property.IsRequiredWhenRead);
        writer.Line("/// <summary>");
        writer.Line("/// A copy of this record in which the " + (requiredEnforced ? "optional " : string.Empty) + "<paramref name=\"member\"/> is absent, so that it is not written.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"member\"/> is "
            + (requiredEnforced ? "required by the spec" : "not a member of this record") + ".</exception>");
        writer.OpenBlock("public " + record.Name + " Without(" + enumName + " member)");
        writer.Line("var copy = this with { };");
        writer.OpenBlock("switch (member)");
        foreach (var member in optional)
        {
            writer.Line("case " + enumName + "." + member.Property.Name + ":");
            writer.Indent();
            writer.Line("copy." + member.Field + " = default;");
            writer.Line("copy." + member.PresenceWord + " &= ~" + member.Bit + ";");
            writer.Line("return copy;");
            writer.Unindent();
        }

        writer.Line("default:");
        writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(member), member, "
            + (requiredEnforced ? "\"Only optional members can be absent.\"" : "\"Not a member of " + record.Name + ".\"") + ");");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
    }

    private static void WriteMemberEnum(SourceWriter writer, RecordModel record, List<Member> members)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The members of <see cref=\"" + record.Name + "\"/>, for <see cref=\"IsPresent\"/> and <see cref=\"Without\"/>.");
        writer.Line("/// </summary>");
        writer.OpenBlock("public enum " + record.MemberEnumName);
        foreach (var member in members)
        {
            writer.Line("/// <summary><c>" + EscapeXml(member.Property.JsonName) + "</c></summary>");
            writer.Line(member.Property.Name + ",");
        }

        writer.CloseBlock();
        writer.Line();
    }

    internal static string EscapeXml(string text) => string.Join(" ", CSharpText.XmlDocLines(text));

    /// <summary>A property with the names the emitted code uses for it.</summary>
    internal sealed class Member
    {
        public Member(PropertyModel property, int index)
        {
            Property = property;
            Index = index;
            Field = property.FieldName;
            Local = property.LocalName;
            PresenceWord = EmittedNames.PresenceField(index / 64);
            Bit = "0x" + (1UL << (index % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL";
        }

        public PropertyModel Property { get; }

        public int Index { get; }

        /// <summary>The backing field.</summary>
        public string Field { get; }

        /// <summary>The converter's local that holds the value while the object is read.</summary>
        public string Local { get; }

        /// <summary>The field that holds this member's presence bit.</summary>
        public string PresenceWord { get; }

        /// <summary>This member's bit in <see cref="PresenceWord"/>, as a C# literal.</summary>
        public string Bit { get; }

        /// <summary>The converter's local for the presence word.</summary>
        public string PresenceLocal => EmittedNames.PresenceLocal(Index / 64);
    }
}
