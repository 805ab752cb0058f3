' habitat-docs: converts the jobs dropped into a folder, until a "stop" file appears.
' A job file (N.job) holds the PDF version on its first line (0 = plain, 1-3 = PDF/A-nb,
' -1 = PDF/UA), then one "source URL <TAB> target URL" line per file. A job is renamed
' N.job.taken when read. The result (N.job.result)
' holds "ok <TAB> target" or "error <TAB> source <TAB> message" per file.
Sub Serve(folder As String)
    Dim f As Integer, name As String
    f = FreeFile
    Open folder & "/ready" For Output As #f
    Close #f
    On Error Resume Next ' a failed listing is tried again; jobs report their own errors
    Do
        name = ""
        name = Dir(folder & "/*.job")
        If name <> "" Then
            RunJob(folder & "/" & name)
        ElseIf FileExists(folder & "/stop") Then
            Exit Do
        Else
            Wait 5
        End If
    Loop
    StarDesktop.terminate()
End Sub

Sub RunJob(job As String)
    ' f and o: the open job and result files, 0 when not open
    Dim f As Integer, o As Integer, n As Integer, line As String, parts, version As Long
    Dim loadArgs(1) As New com.sun.star.beans.PropertyValue
    loadArgs(0).Name = "Hidden" : loadArgs(0).Value = True
    loadArgs(1).Name = "ReadOnly" : loadArgs(1).Value = True
    On Error GoTo broken
    Name job As job & ".taken"
    n = FreeFile
    Open job & ".taken" For Input As #n
    f = n
    Line Input #f, line
    version = CLng(line)
    Dim fd(3) As New com.sun.star.beans.PropertyValue
    fd(0).Name = "UseTaggedPDF" : fd(0).Value = True
    fd(1).Name = "ExportBookmarks" : fd(1).Value = True
    fd(2).Name = "SelectPdfVersion" : fd(2).Value = CLng(IIf(version > 0, version, 0))
    fd(3).Name = "PDFUACompliance" : fd(3).Value = CBool(version = -1)
    Dim storeArgs(1) As New com.sun.star.beans.PropertyValue
    storeArgs(0).Name = "FilterName" : storeArgs(0).Value = "writer_pdf_Export"
    storeArgs(1).Name = "FilterData" : storeArgs(1).Value = fd()
    n = FreeFile
    Open job & ".tmp" For Output As #n
    o = n
    Do While Not EOF(f)
        Line Input #f, line
        If line <> "" Then
            parts = Split(line, Chr(9))
            Print #o, ConvertOne(parts(0), parts(1), loadArgs(), storeArgs())
        End If
    Loop
    Close #f : f = 0
    Close #o : o = 0
    Kill job & ".taken"
    Name job & ".tmp" As job & ".result"
    Exit Sub
broken:
    ' Report the error as the job's result instead of ending the server. An error inside
    ' this handler is not trapped, so each step checks first.
    Dim message As String
    message = Error$
    If f > 0 Then Close #f
    If o > 0 Then Close #o
    n = FreeFile
    Open job & ".broken" For Output As #n
    Print #n, "error" & Chr(9) & Chr(9) & message
    Close #n
    If FileExists(job) Then Kill job
    If FileExists(job & ".taken") Then Kill job & ".taken"
    If FileExists(job & ".tmp") Then Kill job & ".tmp"
    Name job & ".broken" As job & ".result"
End Sub

Function ConvertOne(source As String, target As String, loadArgs, storeArgs) As String
    Dim doc As Object
    On Error GoTo failed
    doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, loadArgs)
    If IsNull(doc) Then
        ConvertOne = "error" & Chr(9) & source & Chr(9) & "LibreOffice could not read it"
        Exit Function
    End If
    doc.storeToURL(target, storeArgs)
    doc.close(True)
    ConvertOne = "ok" & Chr(9) & target
    Exit Function
failed:
    ConvertOne = "error" & Chr(9) & source & Chr(9) & Error$
    On Error Resume Next
    If Not IsNull(doc) Then doc.close(True)
End Function
