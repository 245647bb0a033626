module example.com/mini/syntax

go 1.22
