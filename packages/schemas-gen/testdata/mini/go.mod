module example.com/mini

go 1.22

replace example.com/mini/syntax => ./syntax
